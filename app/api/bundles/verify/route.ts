import { apiRoute, json } from "@/lib/infra/http";
import { AppError } from "@/lib/infra/errors";
import { isLocale } from "@/lib/infra/i18n/config";
import { sealResult } from "@/lib/delivery/bundle/verification-result";
import { uploadLimitBytes, verifyUploadedBundle } from "@/lib/delivery/bundle/verify-uploaded-bundle";

// POST /api/bundles/verify – checks a delivery bundle (manifest.json, manifest.sig, optional files) against the keys
// its organization published. A browser's form gets a 303 to the verification page with the signed result; an API
// client (Accept: application/json) gets the result itself. Public: it shows counts, never a name.
export const POST = apiRoute("bundles.verify", async (request) => {
  if (Number(request.headers.get("content-length") ?? 0) > uploadLimitBytes) throw new AppError("payload_too_large");
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data|^application\/x-www-form-urlencoded/i.test(type))
    throw new AppError("unsupported_media_type");
  const form = await request.formData().catch(() => {
    throw new AppError("invalid_json");
  });
  const result = await verifyUploadedBundle(form);
  if ((request.headers.get("accept") ?? "").includes("application/json")) return json(result);
  const locale = String(form.get("locale") ?? "en");
  const page = new URL(`/${isLocale(locale) ? locale : "en"}/verify`, request.url);
  page.searchParams.set("result", sealResult(result));
  return new Response(null, { status: 303, headers: { location: `${page.pathname}${page.search}` } });
});
