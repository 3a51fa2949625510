// The one wrapper for API route handlers: body limits, content type, JSON parsing, zod validation, and the
// mapping of errors to { error: { code, message, fields? } } with the status from lib/errors. Unknown errors
// are logged and answered with a generic 500: no stack, no SQL.
import type { z } from "zod";
import { AppError, type FieldError } from "./errors";
import { negotiateLocale, type Locale } from "./i18n/config";
import { translator } from "./i18n/messages";
import { fieldErrorCodes } from "./signatures/schema";

export const defaultBodyLimit = 16 * 1024;

type Handler<C> = (request: Request, context: C) => Promise<Response>;

export function apiRoute<C>(name: string, handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (err) {
      return errorResponse(err, negotiateLocale(request.headers.get("accept-language")), name);
    }
  };
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(body), { ...init, headers });
}

/** Reads a JSON body of at most `maxBytes` and validates it against `schema`. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, maxBytes = defaultBodyLimit): Promise<z.output<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new AppError("unsupported_media_type");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large");
  const bytes = await readBytes(request, maxBytes);
  let data: unknown;
  try {
    // JSON text is UTF-8 (RFC 8259): invalid bytes are refused, not replaced by U+FFFD and stored as something else.
    data = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("invalid_json");
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new AppError("payload_too_large");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** A 422 whose fields carry codes; messages are filled in for the reader's language when answered. */
export function validationError(error: z.ZodError): AppError {
  const fields: Record<string, FieldError> = {};
  for (const [field, code] of Object.entries(fieldErrorCodes(error))) fields[field] = { code, message: code };
  return new AppError("validation_failed", undefined, fields);
}

export function errorResponse(err: unknown, locale: Locale, where = "api"): Response {
  if (err instanceof AppError) {
    const t = translator(locale, "apiErrors");
    const tf = translator(locale, "fieldErrors");
    const fields = err.fields
      ? Object.fromEntries(
          Object.entries(err.fields).map(([name, f]) => [name, { code: f.code, message: tf.has(f.code as never) ? tf(f.code as never) : tf("invalid") }]),
        )
      : undefined;
    const headers: Record<string, string> = {};
    return json({ error: { code: err.code, message: t(err.code), ...(fields ? { fields } : {}) } }, { status: err.status, headers });
  }
  const e = err as { name?: string; code?: string; message?: string };
  if (isDatabaseUnavailable(e)) {
    // Nothing was stored: say so plainly and invite a retry instead of a generic failure.
    console.error(`[${where}] database unavailable: ${e.code ?? ""} ${e.message ?? ""}`);
    const t = translator(locale, "apiErrors");
    return json({ error: { code: "service_unavailable", message: t("service_unavailable") } }, { status: 503, headers: { "retry-after": "5" } });
  }
  console.error(`[${where}] unexpected error: ${e?.name ?? "Error"}${e?.code ? ` ${e.code}` : ""}: ${e?.message ?? String(err)}`);
  const t = translator(locale, "apiErrors");
  return json({ error: { code: "internal_error", message: t("internal_error") } }, { status: 500 });
}

const unavailableCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "57P01", "57P02", "57P03", "53300"]);

/** Postgres down, restarting, out of connections, or not answering within the pool's connect timeout. */
export function isDatabaseUnavailable(e: { code?: string; message?: string } | null | undefined): boolean {
  if (!e) return false;
  return unavailableCodes.has(e.code ?? "") || /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/i.test(e.message ?? "");
}
