import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { appSecret } from "./env";

/** A random URL-safe token with 256 bits of entropy, and the SHA-256 digest that is stored instead of it. */
export function newToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: sha256(token) };
}

export function sha256(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** HMAC-SHA256 under the app secret, base64url; `purpose` keeps keys for different uses apart. */
export function keyedHash(purpose: string, value: string): string {
  return createHmac("sha256", appSecret).update(`${purpose}\u0000${value}`).digest("base64url");
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
