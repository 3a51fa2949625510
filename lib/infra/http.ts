// The one wrapper for API route handlers: body limits, content type, JSON parsing, zod validation, and the
// mapping of errors to { error: { code, message, fields? } } with the status from lib/errors. Unknown errors
// are logged and answered with a generic 500: no stack, no SQL. Each request gets an id (X-Request-Id on the
// answer), which every log line written while handling it carries.
import type { z } from "zod";
import { AppError, type FieldError } from "./errors";
import { logger } from "./log";
import { withRequestId } from "./log-context";
import { requestIdHeader, requestIdOf } from "./request-id";
import { negotiateLocale, type Locale } from "@/lib/infra/i18n/config";
import { translator } from "@/lib/infra/i18n/messages";
import { fieldErrorCodes } from "@/lib/infra/validation/field-error-codes";
import { withSecurityHeaders } from "@/lib/infra/security/with-security-headers";

export const defaultBodyLimit = 16 * 1024;

type Handler<C> = (request: Request, context: C) => Promise<Response>;

const log = logger("api");

/** Every API route handler: errors become the JSON error contract, and every answer gets its security headers. */
export function apiRoute<C>(name: string, handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const requestId = requestIdOf(request.headers);
    const response = await withRequestId(requestId, async () => {
      try {
        return await handler(request, context);
      } catch (err) {
        return errorResponse(err, negotiateLocale(request.headers.get("accept-language")), name);
      }
    });
    return withHeader(withSecurityHeaders(request, response), requestIdHeader, requestId);
  };
}

/** The response with one more header; a response whose headers are fixed (a fetched one) is copied. */
export function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const headers = new Headers(response.headers);
    headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(body), { ...init, headers });
}

/** Reads a JSON body of at most `maxBytes` and validates it against `schema`. */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes = defaultBodyLimit,
): Promise<z.output<S>> {
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

export function errorResponse(err: unknown, locale: Locale, route = "api"): Response {
  if (err instanceof AppError) {
    const t = translator(locale, "apiErrors");
    const tf = translator(locale, "fieldErrors");
    const fields = err.fields
      ? Object.fromEntries(
          Object.entries(err.fields).map(([name, f]) => [
            name,
            { code: f.code, message: tf.has(f.code as never) ? tf(f.code as never) : tf("invalid") },
          ]),
        )
      : undefined;
    const headers: Record<string, string> = {};
    if (err.extra?.retryAfter !== undefined) headers["retry-after"] = String(err.extra.retryAfter);
    const challenge = err.extra?.challenge ? { challenge: err.extra.challenge } : {};
    return json(
      { error: { code: err.code, message: t(err.code), ...(fields ? { fields } : {}), ...challenge } },
      { status: err.status, headers },
    );
  }
  if (isDatabaseUnavailable(err)) {
    // Nothing was stored: say so plainly and invite a retry instead of a generic failure.
    log.error("database unavailable", { route, err });
    const t = translator(locale, "apiErrors");
    return json(
      { error: { code: "service_unavailable", message: t("service_unavailable") } },
      { status: 503, headers: { "retry-after": "5" } },
    );
  }
  log.error("unexpected error", { route, err });
  const t = translator(locale, "apiErrors");
  return json({ error: { code: "internal_error", message: t("internal_error") } }, { status: 500 });
}

// Socket errors, Postgres shutting down / starting / out of connections, Prisma's "can't reach", "timed out",
// "closed the connection" and "pool timeout".
const unavailableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
]);
const unavailableKinds = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const unavailableMessages =
  /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Query read timeout|Client has encountered a connection error|Connection is closed|Can't reach database server/i;

/** Postgres down, restarting, out of connections, or not answering within the pool's connect or query timeout. */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown } | null | undefined;
  if (!e || typeof e !== "object" || depth > 3) return false;
  if (typeof e.code === "string" && unavailableCodes.has(e.code)) return true;
  if (typeof e.kind === "string" && unavailableKinds.has(e.kind)) return true;
  if (typeof e.message === "string" && unavailableMessages.test(e.message)) return true;
  // Prisma wraps the driver's error (DriverAdapterError → cause { kind }).
  return isDatabaseUnavailable(e.cause, depth + 1);
}
