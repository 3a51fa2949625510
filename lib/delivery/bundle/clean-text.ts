// Text from a form, made safe to print and hash: NFC, control characters (other than line breaks in a letter)
// removed, runs of spaces in one-line fields collapsed, email addresses cut out.
import { withoutEmailAddresses } from "./without-email-addresses";

const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u2028\u2029\ufeff]/gu;

/** A one-line field (name, city, region): email addresses removed outright, whitespace collapsed. */
export function cleanLine(text: string | null | undefined): string {
  if (!text) return "";
  return withoutEmailAddresses(text.normalize("NFC").replace(controls, " "), null).replace(/\s+/g, " ").trim();
}

/** A letter's subject or body: line breaks kept (CRLF → LF), email addresses replaced by a marker. */
export function cleanText(text: string, language: string): string {
  const lf = text.normalize("NFC").replace(/\r\n?/g, "\n").replace(controls, "");
  return withoutEmailAddresses(lf, language).trim();
}
