import { describe, expect, it } from "vitest";
import { assembleLetter, greetingFrom } from "@/lib/letters/assemble-letter";
import { measurePersonalisation } from "@/lib/letters/personalisation";
import { letterInput, letterLength, letterLimits } from "@/lib/letters/schema";
import { flagshipCampaign } from "@/prisma/seed-data/flagship";

const topic = (key: string, lang: "en" | "ko") =>
  flagshipCampaign.topics.find((t) => t.key === key)!.texts[lang].paragraph;

describe("assembleLetter", () => {
  it("puts greeting, the writer's words, the topics' paragraphs and the closing in order, a blank line apart", () => {
    const body = assembleLetter({
      greeting: "Dear Mr. President,",
      ownWords: "  My grandmother never saw her sister again.\r\nI write for her.  ",
      paragraphs: [topic("prison-camps", "en"), topic("families", "en")],
      closing: "Sincerely,",
    });
    expect(body.split("\n\n")).toEqual([
      "Dear Mr. President,",
      "My grandmother never saw her sister again.\nI write for her.",
      topic("prison-camps", "en"),
      topic("families", "en"),
      "Sincerely,",
    ]);
  });

  it("leaves out what the writer left empty and keeps a Korean letter Korean", () => {
    const body = assembleLetter({
      greeting: "대통령님께",
      ownWords: "   ",
      paragraphs: [topic("movement", "ko")],
      closing: "감사합니다.",
    });
    expect(body).toBe(`대통령님께\n\n${topic("movement", "ko")}\n\n감사합니다.`);
    expect(body).not.toMatch(/[A-Za-z]/);
  });

  it("takes the greeting from the campaign's open letter when it starts with one", () => {
    expect(greetingFrom(flagshipCampaign.texts.en.letter, "Dear Sir,")).toBe("Dear Mr. President,");
    expect(greetingFrom(flagshipCampaign.texts.ko.letter, "x")).toBe("대통령님께");
    expect(greetingFrom("We write to you today about the camps.\n\nMore.", "Dear Target,")).toBe("Dear Target,");
  });
});

describe("letter length", () => {
  const valid = {
    topics: ["prison-camps"],
    subject: "Human rights at the summit",
    language: "en",
    name: "Jane Doe",
    email: "jane@example.test",
    city: "Albany",
    country: "US",
    region: "NY",
  };

  it("counts characters, not bytes, so Korean letters get the same limits", () => {
    expect(letterLength("가".repeat(10))).toBe(10);
    expect(letterLength("  a\r\nb  ")).toBe(3);
    expect(letterInput.safeParse({ ...valid, body: "가".repeat(letterLimits.body.max) }).success).toBe(true);
    const over = letterInput.safeParse({ ...valid, body: "가".repeat(letterLimits.body.max + 1) });
    expect(over.success).toBe(false);
    expect(over.error!.issues[0]).toMatchObject({ path: ["body"], message: "too_long" });
    const under = letterInput.safeParse({ ...valid, body: "x".repeat(letterLimits.body.min - 1) });
    expect(under.error!.issues[0]).toMatchObject({ path: ["body"], message: "too_short" });
  });

  it("rejects line breaks and NUL in anything that can reach a mail header, but keeps them in the body", () => {
    const body = "Line one.\nLine two.\n\n" + "x".repeat(120);
    for (const field of ["subject", "name", "city", "street"] as const) {
      for (const bad of ["a\r\nBcc: x@example.test", "a\nb", "a\u0000b"]) {
        const r = letterInput.safeParse({ ...valid, body, [field]: bad });
        expect(r.success, `${field} ${JSON.stringify(bad)}`).toBe(false);
        expect(r.error!.issues.find((i) => i.path[0] === field)?.message).toBe("invalid_characters");
      }
    }
    const ok = letterInput.parse({ ...valid, body: body.replaceAll("\n", "\r\n") });
    expect(ok.body).toBe(body);
    expect(letterInput.safeParse({ ...valid, body: body + "\u0000" }).error!.issues[0]!.message).toBe(
      "invalid_characters",
    );
  });

  it("needs at least one topic and drops repeated ones", () => {
    expect(letterInput.safeParse({ ...valid, body: "x".repeat(200), topics: [] }).error!.issues[0]).toMatchObject({
      path: ["topics"],
      message: "choose_topic",
    });
    expect(letterInput.parse({ ...valid, body: "x".repeat(200), topics: ["families", "families"] }).topics).toEqual([
      "families",
    ]);
  });
});

describe("measurePersonalisation", () => {
  const templates = [...flagshipCampaign.topics.map((t) => t.texts.en.paragraph), "Dear Mr. President,", "Sincerely,"];
  const koTemplates = [...flagshipCampaign.topics.map((t) => t.texts.ko.paragraph), "대통령님께", "감사합니다."];

  it("finds nothing of the writer's own in an untouched draft", () => {
    const draft = assembleLetter({
      greeting: "Dear Mr. President,",
      ownWords: "",
      paragraphs: [topic("prison-camps", "en"), topic("fleeing", "en")],
      closing: "Sincerely,",
    });
    const m = measurePersonalisation(draft, templates);
    expect(m.ownShare).toBe(0);
    expect(m.level).toBe("low");
  });

  it("grows with the writer's own sentences, in English", () => {
    const own =
      "I teach at a school in Ohio, and three of my students came from North Korea. Their stories changed how I see this summit.";
    const draft = assembleLetter({
      greeting: "Dear Mr. President,",
      ownWords: own,
      paragraphs: [topic("prison-camps", "en")],
      closing: "Sincerely,",
    });
    const m = measurePersonalisation(draft, templates);
    expect(m.ownShare).toBeGreaterThan(0.2);
    expect(m.ownShare).toBeLessThan(0.5);
    expect(m.level).toBe("some");
    expect(m.ownWords).toBe(own.split(" ").length);
  });

  it("works for Korean, and an edited paragraph counts partly as the writer's", () => {
    const own = "저는 십 년 전에 한국에 온 탈북민입니다. 아직도 밤마다 두고 온 사람들을 생각합니다.";
    const draft = assembleLetter({
      greeting: "대통령님께",
      ownWords: own,
      paragraphs: [topic("families", "ko")],
      closing: "감사합니다.",
    });
    const m = measurePersonalisation(draft, koTemplates);
    expect(m.level).toBe("some");
    const rewritten = measurePersonalisation(
      draft.replace("위협을 받고 있습니다", "매일 감시와 협박을 당하며 살고 있습니다"),
      koTemplates,
    );
    expect(rewritten.ownShare).toBeGreaterThan(m.ownShare);
    expect(measurePersonalisation(own, koTemplates)).toMatchObject({ ownShare: 1, level: "high" });
  });
});
