// No email address ever appears in a bundle: not in a name (people type their address into the name field), not
// in a letter's text. What looks like one is cut out before the row is included and hashed.

const address = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[^\s@<>()[\]"',;:]*[^\s@<>()[\]"',;:.]/gu;

const markers: Record<string, string> = { ko: "[이메일 주소 삭제]" };

/** `text` with each email address replaced by a marker in `language` ("" removes it). */
export function withoutEmailAddresses(text: string, language: string | null): string {
  const marker = language === null ? "" : (markers[language.split("-")[0] ?? ""] ?? "[email address removed]");
  return text.replace(address, marker);
}
