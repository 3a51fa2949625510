// A bundle sent to the verification page as a form: its manifest, signature and any files, read within a size limit.
import { AppError } from "@/lib/infra/errors";
import { checkPublishedBundle } from "./check-published-bundle";
import { summarise, type VerificationResult } from "./verification-result";

export const uploadLimitBytes = 64 * 1024 * 1024;

export async function verifyUploadedBundle(form: FormData): Promise<VerificationResult> {
  const bytes = async (value: FormDataEntryValue | null) =>
    value instanceof File
      ? Buffer.from(await value.arrayBuffer())
      : typeof value === "string"
        ? Buffer.from(value)
        : null;
  const manifestBytes = await bytes(form.get("manifest"));
  const signature = (await bytes(form.get("signature")))?.toString("utf8").trim();
  if (!manifestBytes?.length || !signature) {
    throw new AppError("validation_failed", undefined, {
      ...(manifestBytes?.length ? {} : { manifest: { code: "required", message: "required" } }),
      ...(signature ? {} : { signature: { code: "required", message: "required" } }),
    });
  }
  const files = new Map<string, Buffer>();
  for (const entry of form.getAll("files")) {
    if (entry instanceof File && entry.size > 0) files.set(entry.name, Buffer.from(await entry.arrayBuffer()));
  }
  return summarise(await checkPublishedBundle({ manifestBytes, signature, files }));
}
