// DKIM (RFC 6376, rsa-sha256, relaxed/relaxed) on every message once DKIM_DOMAIN, _SELECTOR and _PRIVATE_KEY are set.
// nodemailer's and mailauth's signers took 2.2 ms of the worker's thread a message (streams, the PEM parsed each time):
// this one passes over the bytes once, parses the key once, and signs on libuv's pool. Held to nodemailer's output.
import { createHash, createPrivateKey, sign, type KeyObject } from "node:crypto";
import { domainToASCII } from "node:url";
import { promisify } from "node:util";
import { foldLines } from "nodemailer/lib/mime-funcs";
import { env } from "@/lib/infra/env";

export type DkimKey = { domain: string; selector: string; privateKey: KeyObject; headers?: string };

/**
 * Signed unless DKIM_HEADERS says otherwise: the fields RFC 6376 §5.4.1 suggests, and the List-* fields (RFC 8058's
 * one-click unsubscribe needs List-Unsubscribe-Post under the signature). Fields a message lacks are left out of h=.
 */
export const defaultSignedHeaders = [
  "From",
  "Sender",
  "Reply-To",
  "Subject",
  "Date",
  "Message-ID",
  "To",
  "Cc",
  "MIME-Version",
  "Content-Type",
  "Content-Transfer-Encoding",
  "Content-ID",
  "Content-Description",
  "Resent-Date",
  "Resent-From",
  "Resent-Sender",
  "Resent-To",
  "Resent-Cc",
  "Resent-Message-ID",
  "In-Reply-To",
  "References",
  "List-Id",
  "List-Help",
  "List-Unsubscribe",
  "List-Unsubscribe-Post",
  "List-Subscribe",
  "List-Post",
  "List-Owner",
  "List-Archive",
].join(":");

const rsaSign = promisify(sign);
let scratch = Buffer.alloc(0);

let configured: DkimKey | null | undefined;
function configuredKey(): DkimKey | null {
  if (configured === undefined) {
    const { DKIM_DOMAIN: domain, DKIM_SELECTOR: selector, DKIM_PRIVATE_KEY: pem } = env;
    const headers = env.DKIM_HEADERS;
    configured = domain && selector && pem ? { domain, selector, privateKey: createPrivateKey(pem), headers } : null;
  }
  return configured;
}

/**
 * The message with a DKIM-Signature field in front, or the message as it was when no key is configured. Takes the
 * composer's CRLF bytes, or a local mailbox file's LF ones (signed as the CRLF message a verifier reads it as).
 */
export async function signMail(raw: Buffer, key: DkimKey | null = configuredKey()): Promise<Buffer> {
  if (!key) return raw;
  const split = bodyStart(raw);
  // latin1 maps each byte to one character and back: the signature covers exactly the bytes sent.
  const head = raw.toString("latin1", 0, split).replace(/\r\n?|\n/g, "\r\n");
  const bodyHash = createHash("sha256").update(relaxedBody(raw, split)).digest("base64");
  const { names, canonical } = signedFields(head, key.headers ?? defaultSignedHeaders);
  const tags = [
    "v=1",
    "a=rsa-sha256",
    "c=relaxed/relaxed",
    `d=${domainToASCII(key.domain) || key.domain}`,
    "q=dns/txt",
    `s=${key.selector}`,
    `bh=${bodyHash}`,
    `h=${names}`,
  ];
  const field = `${foldLines(`DKIM-Signature: ${tags.join("; ")}`, 76)};\r\n b=`;
  // The signature covers the chosen fields and then its own field with b= empty (RFC 6376 §3.7).
  const signed = `${canonical}dkim-signature:${relaxedValue(field)}`;
  const signature = (await rsaSign("sha256", Buffer.from(signed, "latin1"), key.privateKey)).toString("base64");
  const header = `${field}${foldSignature(signature)}\r\n`;
  const lf = raw.indexOf(13) < 0;
  return Buffer.concat([Buffer.from(lf ? header.replaceAll("\r\n", "\n") : header, "latin1"), raw]);
}

/** Where the body starts: after the first empty line (CRLF or LF), or at the end when there is none. */
function bodyStart(raw: Buffer): number {
  for (let i = raw.indexOf(10); i >= 0; i = raw.indexOf(10, i + 1)) {
    if (raw[i + 1] === 10) return i + 2;
    if (raw[i + 1] === 13 && raw[i + 2] === 10) return i + 3;
  }
  return raw.length;
}

/**
 * The body in relaxed form (RFC 6376 §3.4.4), as it arrives after SMTP's DATA, where a bare LF or CR (the 7bit
 * parts keep a text's own "\n") ends a line like CRLF: runs of spaces and tabs become one space, none at a line's
 * end, no empty lines at the end, and a body that is not empty ends with CRLF. One pass over the bytes: three
 * regular expressions over the text took the worker's thread two and a half times as long.
 */
function relaxedBody(raw: Buffer, from: number): Buffer {
  // One buffer for every ordinary message, hashed before the next is read (a new one each time kept the garbage
  // collector busy); a large digest gets its own.
  const size = (raw.length - from) * 2 + 2;
  if (size > scratch.length && size <= 256 * 1024) scratch = Buffer.allocUnsafe(size);
  const out = size <= scratch.length ? scratch : Buffer.allocUnsafe(size);
  let length = 0;
  let space = false;
  let content = false;
  let emptyLines = 0;
  for (let i = from; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === 13 || c === 10) {
      if (c === 13 && raw[i + 1] === 10) i++;
      if (content) {
        out[length++] = 13;
        out[length++] = 10;
      } else emptyLines++;
      content = false;
      space = false;
    } else if (c === 32 || c === 9) {
      space = true;
    } else {
      // Empty lines count only once something follows them.
      for (; !content && emptyLines > 0; emptyLines--) {
        out[length++] = 13;
        out[length++] = 10;
      }
      if (space) out[length++] = 32;
      content = true;
      space = false;
      out[length++] = c;
    }
  }
  if (content) {
    out[length++] = 13;
    out[length++] = 10;
  }
  return out.subarray(0, length);
}

/**
 * The relaxed form of the chosen fields (RFC 6376 §3.4.2), each from its last occurrence, as §5.4.2 asks; and the
 * names of those present, for h=.
 */
function signedFields(head: string, wanted: string): { names: string; canonical: string } {
  const last = new Map<string, string>();
  for (const line of head.split(/\r\n(?![ \t])/)) {
    const colon = line.indexOf(":");
    if (colon > 0) last.set(line.slice(0, colon).trim().toLowerCase(), line);
  }
  const names: string[] = [];
  let canonical = "";
  for (const name of new Set(
    wanted
      .toLowerCase()
      .split(":")
      .map((n) => n.trim()),
  )) {
    const line = last.get(name);
    if (line === undefined) continue;
    names.push(name);
    canonical += `${name}:${relaxedValue(line)}\r\n`;
  }
  return { names: names.join(":"), canonical };
}

/** A field's value unfolded, runs of spaces and tabs made one space, none at either end. */
function relaxedValue(line: string): string {
  return line
    .slice(line.indexOf(":") + 1)
    .replaceAll("\r\n", "")
    .replace(/[ \t]+/g, " ")
    .replace(/^ | $/g, "");
}

/** b= folded as nodemailer folds it: lines of at most 76 characters after the field's " b=". */
function foldSignature(signature: string): string {
  const lines = [signature.slice(0, 73)];
  for (let i = 73; i < signature.length; i += 75) lines.push(signature.slice(i, i + 75));
  return lines.join("\r\n ");
}
