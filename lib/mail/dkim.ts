// DKIM signatures (RFC 6376: rsa-sha256, relaxed/relaxed) on every message once DKIM_DOMAIN, DKIM_SELECTOR and
// DKIM_PRIVATE_KEY are set. nodemailer's and mailauth's signers each took ~2.2 ms of the worker's thread per message
// (a stream chain, and the PEM key parsed again every time), as much as the rest of a delivery; this one reads the
// composed bytes in one pass, keeps the parsed key, and leaves the RSA step (~0.5 ms) to libuv's thread pool.
// tests/unit/dkim.test.ts holds it to nodemailer's signer, byte for byte, and to mailauth's verifier.
import { createHash, createPrivateKey, sign, type KeyObject } from "node:crypto";
import { domainToASCII } from "node:url";
import { promisify } from "node:util";
import { foldLines } from "nodemailer/lib/mime-funcs";
import { env } from "../env";

export type DkimKey = { domain: string; selector: string; privateKey: KeyObject; headers?: string };

/**
 * Signed unless DKIM_HEADERS says otherwise: the fields RFC 6376 §5.4.1 suggests, and the List-* fields (RFC 8058's
 * one-click unsubscribe needs List-Unsubscribe-Post under the signature). Fields a message lacks are left out of h=.
 */
export const defaultSignedHeaders = [
  "From", "Sender", "Reply-To", "Subject", "Date", "Message-ID", "To", "Cc", "MIME-Version", "Content-Type",
  "Content-Transfer-Encoding", "Content-ID", "Content-Description", "Resent-Date", "Resent-From", "Resent-Sender",
  "Resent-To", "Resent-Cc", "Resent-Message-ID", "In-Reply-To", "References", "List-Id", "List-Help",
  "List-Unsubscribe", "List-Unsubscribe-Post", "List-Subscribe", "List-Post", "List-Owner", "List-Archive",
].join(":");

const rsaSign = promisify(sign);

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
 * composer's CRLF bytes, or a local mailbox file's LF ones (signed as the CRLF form a verifier reads it as).
 */
export async function signMail(raw: Buffer, key: DkimKey | null = configuredKey()): Promise<Buffer> {
  if (!key) return raw;
  // latin1 maps each byte to one character and back: hashes and signature cover exactly the bytes sent. Those are
  // the bytes after SMTP's DATA, where each bare LF or CR arrives as CRLF (the 7bit parts keep a text's own "\n").
  const original = raw.toString("latin1");
  const lf = !original.includes("\r");
  const text = original.replace(/\r\n?|\n/g, "\r\n");
  const end = text.indexOf("\r\n\r\n");
  const head = end < 0 ? text : text.slice(0, end);
  const body = end < 0 ? "" : text.slice(end + 4);

  const bodyHash = createHash("sha256").update(relaxedBody(body), "latin1").digest("base64");
  const { names, canonical } = signedFields(head, key.headers ?? defaultSignedHeaders);
  const tags = [
    "v=1", "a=rsa-sha256", "c=relaxed/relaxed", `d=${domainToASCII(key.domain) || key.domain}`, "q=dns/txt",
    `s=${key.selector}`, `bh=${bodyHash}`, `h=${names}`,
  ];
  const field = `${foldLines(`DKIM-Signature: ${tags.join("; ")}`, 76)};\r\n b=`;
  // The signature covers the chosen fields and then its own field with b= empty (RFC 6376 §3.7).
  const signed = `${canonical}dkim-signature:${relaxedValue(field)}`;
  const signature = (await rsaSign("sha256", Buffer.from(signed, "latin1"), key.privateKey)).toString("base64");
  const header = `${field}${foldSignature(signature)}\r\n`;
  return Buffer.concat([Buffer.from(lf ? header.replaceAll("\r\n", "\n") : header, "latin1"), raw]);
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
  for (const name of new Set(wanted.toLowerCase().split(":").map((n) => n.trim()))) {
    const line = last.get(name);
    if (line === undefined) continue;
    names.push(name);
    canonical += `${name}:${relaxedValue(line)}\r\n`;
  }
  return { names: names.join(":"), canonical };
}

/** A field's value unfolded, runs of spaces and tabs made one space, none at either end. */
function relaxedValue(line: string): string {
  return line.slice(line.indexOf(":") + 1).replaceAll("\r\n", "").replace(/[ \t]+/g, " ").replace(/^ | $/g, "");
}

/**
 * RFC 6376 §3.4.4: runs of spaces and tabs become one space, none at a line's end, no empty lines at the end, and a
 * body that is not empty ends with one CRLF.
 */
function relaxedBody(body: string): string {
  const lines = body.replace(/[ \t]+/g, " ").replace(/ (?=\r\n|$)/g, "");
  let end = lines.length;
  while (end >= 2 && lines.charCodeAt(end - 2) === 13 && lines.charCodeAt(end - 1) === 10) end -= 2;
  return end === 0 ? "" : `${lines.slice(0, end)}\r\n`;
}

/** b= folded as nodemailer folds it: lines of at most 76 characters after the field's " b=". */
function foldSignature(signature: string): string {
  const lines = [signature.slice(0, 73)];
  for (let i = 73; i < signature.length; i += 75) lines.push(signature.slice(i, i + 75));
  return lines.join("\r\n ");
}
