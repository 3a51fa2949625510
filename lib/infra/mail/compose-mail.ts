// Turns a message into the bytes that go to the relay. Every message the app sends (a text part and an HTML part,
// nothing attached) is put together here in one pass: nodemailer's MimeNode writes the headers (address and
// encoded-word rules, folding, Date, Message-ID, the boundary), and the two parts are encoded as whole strings.
// MailComposer would do the same through a chain of streams per part, which cost the worker more than the rest of a
// delivery together. Anything else (a digest with its CSV attached, a part left empty, a field this path does not
// write) still goes through MailComposer.
import type { SendMailOptions } from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
import MimeNode from "nodemailer/lib/mime-node";
import { hasLongerLines, isPlainText } from "nodemailer/lib/mime-funcs";
import * as qp from "nodemailer/lib/qp";
import * as base64 from "nodemailer/lib/base64";

export type ComposedMail = { envelope: { from: string | false; to: string[] }; raw: Buffer };
export type MailToCompose = SendMailOptions & { messageId: string };

/** What the one-pass path knows how to write; a message with anything else goes through MailComposer. */
const handled = new Set([
  "from",
  "to",
  "cc",
  "replyTo",
  "subject",
  "text",
  "html",
  "headers",
  "messageId",
  "attachments",
]);

/** Headers MimeNode formats as addresses. */
const addressHeaders = [
  ["from", "From"],
  ["to", "To"],
  ["cc", "Cc"],
  ["replyTo", "Reply-To"],
] as const;

export async function composeMail(message: MailToCompose): Promise<ComposedMail> {
  const { text, html } = message;
  const plain =
    typeof text === "string" &&
    typeof html === "string" &&
    text !== "" &&
    html !== "" &&
    !message.attachments?.length &&
    Object.keys(message).every((key) => handled.has(key)) &&
    !Array.isArray(message.headers) &&
    Object.entries(message.headers ?? {}).every(
      ([key, value]) => typeof value === "string" && key.toLowerCase() !== "subject",
    );
  if (!plain) {
    const node = new MailComposer(message).compile();
    return { envelope: node.getEnvelope() as ComposedMail["envelope"], raw: await node.build() };
  }
  const root = new MimeNode("multipart/alternative");
  for (const [key, value] of Object.entries(message.headers ?? {})) root.setHeader(key, value as string);
  for (const [field, header] of addressHeaders) {
    const value = message[field];
    if (value) root.setHeader(header, value as string);
  }
  root.setHeader("Subject", message.subject ?? "");
  root.setHeader("Message-ID", message.messageId);
  const headers = root.buildHeaders();
  const boundary = root.boundary;
  const raw = [
    headers,
    "",
    `--${boundary}`,
    textPart("text/plain", text),
    `--${boundary}`,
    textPart("text/html", html),
    `--${boundary}--`,
    "",
  ].join("\r\n");
  return { envelope: root.getEnvelope() as ComposedMail["envelope"], raw: Buffer.from(raw) };
}

/**
 * One text part, encoded as MimeNode would: 7bit when it is plain ASCII with short lines, quoted-printable when it
 * is mostly Latin letters, base64 otherwise (a Korean letter is smaller in base64).
 */
function textPart(type: string, content: string): string {
  const encoding =
    isPlainText(content) && !hasLongerLines(content, 76)
      ? "7bit"
      : mostlyLatin(content)
        ? "quoted-printable"
        : "base64";
  const body =
    encoding === "7bit"
      ? content
      : encoding === "quoted-printable"
        ? qp.wrap(qp.encode(content), 76)
        : base64.wrap(base64.encode(content), 76);
  return [`Content-Type: ${type}; charset=utf-8`, `Content-Transfer-Encoding: ${encoding}`, "", body].join("\r\n");
}

/** More Latin letters than non-ASCII and control characters. */
function mostlyLatin(value: string): boolean {
  let other = 0;
  let latin = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x08 || code === 0x0b || code === 0x0c || (code >= 0x0e && code <= 0x1f) || code >= 0x80) other++;
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin++;
  }
  return other < latin;
}
