// @vitest-environment node
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import MailComposer from "nodemailer/lib/mail-composer";
import { simpleParser, type ParsedMail } from "mailparser";
import { composeMail, type MailToCompose } from "@/lib/infra/mail/compose-mail";

/** What a mail client reads out of a message: the fields both composers must agree on. */
function reading(mail: ParsedMail) {
  const addresses = (value: ParsedMail["from"] | ParsedMail["to"] | ParsedMail["replyTo"]) =>
    (Array.isArray(value) ? value : value ? [value] : []).flatMap((v) =>
      v.value.map((a) => ({ name: a.name, address: a.address })),
    );
  return {
    from: addresses(mail.from),
    to: addresses(mail.to),
    replyTo: addresses(mail.replyTo),
    subject: mail.subject ?? "",
    messageId: mail.messageId,
    text: mail.text ?? "",
    html: mail.html || "",
    language: mail.headers.get("content-language"),
    headers: [...mail.headers.keys()].sort(),
  };
}

async function both(message: MailToCompose) {
  const node = new MailComposer(message).compile();
  const composed = await composeMail(message);
  return {
    expected: { reading: reading(await simpleParser(await node.build())), envelope: node.getEnvelope() },
    actual: { reading: reading(await simpleParser(composed.raw)), envelope: composed.envelope },
    raw: composed.raw.toString(),
  };
}

const korean = "북한 인권을 정상회담 의제로 올려 주십시오. 정치범수용소에는 8만~12만 명이 갇혀 있습니다.";
const letter: MailToCompose = {
  messageId: "<letter.1@open-letters.example>",
  from: "Coalition for North Korean Human Rights <letters@coalition.example>",
  to: "president@whitehouse.example",
  replyTo: { name: "김철수", address: "kim@example.org" },
  subject: "북한 인권을 의제로 — please put human rights on the summit agenda",
  text: `Dear Mr. President,\n\n${korean}\n\n.\nSincerely,\n-- \n김철수, Seoul\n`,
  html: `<!doctype html><html lang="ko"><body><p>${korean}</p></body></html>\n`,
  headers: { "Content-Language": "ko" },
};

// Characters that exercise every encoding decision: ASCII, Latin-1, Hangul, emoji, line breaks of each kind, a
// leading dot (SMTP), "=" (quoted-printable), quotes and commas (address names), tabs and control characters.
const piece = fc.constantFrom(
  "a",
  "Z",
  " ",
  "  ",
  ".",
  "=",
  ",",
  '"',
  "\\",
  "<",
  ">",
  "@",
  "(",
  ")",
  "\t",
  "\n",
  "\r\n",
  "\r",
  "é",
  "ü",
  "한",
  "국",
  "—",
  "😀",
  "\u0001",
  "x".repeat(90),
  "한".repeat(40),
);
const text = (maxLength: number) => fc.array(piece, { maxLength }).map((parts) => parts.join(""));

describe("composing a message", () => {
  it("reads back, in a mail client, exactly as nodemailer's MailComposer writes it: a Korean letter", async () => {
    const { expected, actual, raw } = await both(letter);
    expect(actual).toEqual(expected);
    expect(actual.reading.text).toBe(letter.text);
    expect(actual.reading.replyTo).toEqual([{ name: "김철수", address: "kim@example.org" }]);
    // Korean text is mostly non-Latin: base64 keeps it smaller than quoted-printable would.
    expect(raw).toMatch(/Content-Type: text\/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n/);
    expect(raw.split("\r\n").every((line) => line.length <= 998)).toBe(true);
  });

  it("keeps a line break in the subject or a name from starting a header of its own", async () => {
    const { actual, raw } = await both({
      ...letter,
      subject: "Hello\r\nBcc: everyone@example.org",
      replyTo: { name: "Kim\nX-Injected: 1", address: "kim@example.org" },
    });
    expect(actual.reading.headers).not.toContain("bcc");
    expect(actual.reading.headers).not.toContain("x-injected");
    expect(raw).not.toMatch(/^(Bcc|X-Injected):/m);
  });

  it("agrees with MailComposer for any subject, names, text and HTML", async () => {
    await fc.assert(
      fc.asyncProperty(text(30), text(12), text(60), text(60), async (subject, name, body, html) => {
        const { expected, actual } = await both({
          ...letter,
          subject,
          replyTo: { name, address: "writer@example.org" },
          text: body,
          html,
        });
        expect(actual).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it("hands a message with a field it does not write to MailComposer, so nothing is dropped", async () => {
    const reply = {
      ...letter,
      inReplyTo: "<earlier@open-letters.example>",
      headers: { "Content-Language": "ko", "X-Tags": ["a", "b"] },
    };
    const parsed = await simpleParser((await composeMail(reply as MailToCompose)).raw);
    expect(parsed.inReplyTo).toBe("<earlier@open-letters.example>");
    expect(parsed.headerLines.filter((h) => h.key === "x-tags")).toHaveLength(2);
  });

  it("hands a message with attachments to MailComposer whole", async () => {
    const withCsv = {
      ...letter,
      attachments: [{ filename: "signers.csv", content: "name\nKim\n", contentType: "text/csv; charset=utf-8" }],
    };
    const composed = await composeMail(withCsv);
    const parsed = await simpleParser(composed.raw);
    expect(parsed.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([["signers.csv", "name\nKim\n"]]);
    expect(parsed.text).toBe(letter.text);
  });
});
