import { apiRoute } from "@/lib/infra/http";
import { AppError } from "@/lib/infra/errors";
import { isLocale, negotiateLocale } from "@/lib/infra/i18n/config";
import { unsubscribe, unsubscribeLocale } from "@/lib/updates/unsubscribe";

type Context = { params: Promise<{ token: string }> };

/** A form's fields are small: anything larger is not ours. */
const formLimit = 1024;

// GET /u/[token] – the unsubscribe link opened in a browser: the page with its confirm button (a GET changes nothing)
export const GET = apiRoute<Context>("updates.unsubscribe.page", async (request, { params }) => {
  const { token } = await params;
  // The page speaks the language the email did.
  const own = await unsubscribeLocale(token);
  const locale = isLocale(own) ? own : negotiateLocale(request.headers.get("accept-language"));
  return new Response(null, {
    status: 303,
    headers: { location: `/${locale}/unsubscribe/${encodeURIComponent(token)}`, "cache-control": "no-store" },
  });
});

// POST /u/[token] – unsubscribe: RFC 8058 one-click from a mail client, or the confirm button of the page
export const POST = apiRoute<Context>("updates.unsubscribe", async (request, { params }) => {
  const { token } = await params;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > formLimit) throw new AppError("payload_too_large");
  const text = (await request.text()).slice(0, formLimit);
  if ((await unsubscribe(token)) === "invalid") throw new AppError("not_found");
  // The page's own form names its language: the browser goes back to the page, which now says it is done.
  const from = new URLSearchParams(text).get("from");
  if (isLocale(from))
    return new Response(null, {
      status: 303,
      headers: { location: `/${from}/unsubscribe/${encodeURIComponent(token)}`, "cache-control": "no-store" },
    });
  return new Response("Unsubscribed\n", {
    status: 200,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
});
