// What every answer of our API must look like, whatever it was sent: never 5xx; an error is one of the documented
// codes with the status the table gives it, a message in the reader's language, and a translated message per field.
import { expect } from "vitest";
import { errorStatus, type ErrorCode } from "@/lib/infra/errors";
import { negotiateLocale } from "@/lib/infra/i18n/config";
import { translator } from "@/lib/infra/i18n/messages";

export type Sent = { body?: string | Uint8Array; contentType?: string; headers?: Record<string, string> };

/** A Request as a client would send it; the body is sent exactly as given (text or raw bytes). */
export function request(method: string, url: string, sent: Sent = {}): Request {
  const headers = new Headers(sent.headers);
  if (sent.contentType !== undefined && sent.contentType !== "") headers.set("content-type", sent.contentType);
  return new Request(`http://localhost:3000${url}`, {
    method,
    headers,
    body: sent.body === undefined ? undefined : (sent.body as BodyInit),
  });
}

export type Answer = { status: number; body: unknown; text: string; headers: Headers };

/** Reads an answer and checks the error contract; `allowed` lists the statuses this route may answer with. */
export async function expectContract(
  res: Response,
  allowed: readonly number[],
  acceptLanguage?: string,
): Promise<Answer> {
  const text = await res.text();
  expect(res.status, `5xx answer: ${text.slice(0, 300)}`).toBeLessThan(500);
  expect(allowed, `unexpected status ${res.status}: ${text.slice(0, 300)}`).toContain(res.status);
  const isJson = (res.headers.get("content-type") ?? "").startsWith("application/json");
  const body: unknown = isJson ? JSON.parse(text) : text;
  if (res.status >= 400) {
    expect(isJson, `an error must be JSON, got ${res.headers.get("content-type")}`).toBe(true);
    const { error } = body as {
      error: { code: ErrorCode; message: string; fields?: Record<string, { code: string; message: string }> };
    };
    expect(Object.keys(error).sort()).toEqual(error.fields ? ["code", "fields", "message"] : ["code", "message"]);
    expect(errorStatus[error.code], `code ${error.code}`).toBe(res.status);
    const locale = negotiateLocale(acceptLanguage);
    expect(error.message).toBe(translator(locale, "apiErrors")(error.code));
    if (error.fields) {
      expect(error.code).toBe("validation_failed");
      const tf = translator(locale, "fieldErrors");
      for (const [field, f] of Object.entries(error.fields)) {
        expect(f.code, field).toMatch(/^[a-z_]+$/);
        // Every code a schema can give has its own message in both languages, not the generic "Check this answer".
        expect(tf.has(f.code as never), `no ${locale} message for field code "${f.code}" (${field})`).toBe(true);
        expect(f.message).toBe(tf(f.code as never));
      }
    }
  }
  return { status: res.status, body, text, headers: res.headers };
}

/** Every string in a stored row is well-formed Unicode without NUL: what Postgres and the mail layer can carry. */
export function expectStorableStrings(row: Record<string, unknown>) {
  for (const [key, value] of Object.entries(row)) {
    if (typeof value !== "string") continue;
    expect(value.includes("\u0000"), `NUL in ${key}`).toBe(false);
    expect(/\p{Cs}/u.test(value), `lone surrogate in ${key}`).toBe(false);
  }
}
