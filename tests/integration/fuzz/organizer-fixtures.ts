// Valid organizer inputs as arbitraries (a campaign in both languages, an invitation), and how to read a saved
// campaign back in the shape the schema takes, so "what is stored is valid and is what was sent" is one comparison.
import fc from "fast-check";
import { prisma } from "@/lib/infra/db";
import { koreanEmojiText, printableText } from "./arbitraries";

/** Stands for a fresh slug in generated bodies; `freshSlugs` replaces it when the body is sent. */
export const slugToken = "fuzz-slug-token";
let serial = 0;
const runTag = Math.random().toString(36).slice(2, 8);
export function freshSlugs<T extends string | Uint8Array | Record<string, unknown>>(body: T): T {
  const slug = `fz-${runTag}-${++serial}`;
  const rewrite = (text: string) => text.replaceAll(slugToken, slug);
  if (typeof body === "string") return rewrite(body) as T;
  if (body instanceof Uint8Array)
    return Buffer.from(rewrite(Buffer.from(body).toString("latin1")), "latin1") as unknown as T;
  return JSON.parse(rewrite(JSON.stringify(body))) as T;
}

const paragraphsOf = (text: fc.Arbitrary<string>) =>
  fc.array(text, { minLength: 1, maxLength: 4 }).map((p) => p.join("\n\n"));
const campaignText = (text: fc.Arbitrary<string>) =>
  fc.record({
    title: text,
    summary: text,
    targetName: text,
    context: paragraphsOf(text),
    letter: paragraphsOf(text),
    sources: fc.oneof(fc.constant(""), paragraphsOf(text)),
  });
const topicText = (text: fc.Arbitrary<string>) =>
  fc.record({ title: text, fact: text, ask: text, source: text, paragraph: paragraphsOf(text) });
const isoDate = (min: string, max: string) =>
  fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true }).map((d) => d.toISOString());

export function campaignArb(text: fc.Arbitrary<string> = printableText()) {
  return fc.record(
    {
      slug: fc.constant(slugToken),
      goal: fc.oneof(fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 1, max: 100_000_000 }).map(String)),
      targetEmail: fc.constantFrom("president@example.test", " Target@Example.TEST "),
      senderEmail: fc.constantFrom(
        "",
        "letters@example.test",
        "Open Letters <letters@example.test>",
        "북한인권 모임 <a@example.test>",
      ),
      defaultLocale: fc.constantFrom("en", "ko"),
      letterDelivery: fc.constantFrom("individual", "digest"),
      risk: fc.constantFrom("standard", "at_risk"),
      digestIntervalMinutes: fc.integer({ min: 5, max: 60 * 24 * 31 }),
      throttlePerMinute: fc.integer({ min: 1, max: 1000 }),
      holdUntil: isoDate("2000-01-01", "2100-01-01"),
      opensAt: isoDate("2000-01-01", "2049-12-31"),
      closesAt: isoDate("2050-01-01", "2100-01-01"),
      texts: fc.record({ en: campaignText(text), ko: campaignText(text) }),
      topics: fc.uniqueArray(
        fc.record({
          key: fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10})?$/),
          texts: fc.record({ en: topicText(text), ko: topicText(text) }),
        }),
        {
          selector: (t) => t.key,
          maxLength: 3,
        },
      ),
    },
    { requiredKeys: ["slug", "goal", "targetEmail", "texts"] },
  );
}

export const koreanCampaign = campaignArb(koreanEmojiText());

/** A saved campaign in the shape of the schema's input (and output). */
export async function storedCampaign(id: string) {
  const c = await prisma.campaign.findUniqueOrThrow({
    where: { id },
    include: { translations: true, topics: { include: { translations: true }, orderBy: { position: "asc" } } },
  });
  const text = (locale: string) => {
    const t = c.translations.find((x) => x.locale === locale)!;
    return {
      title: t.title,
      summary: t.summary,
      targetName: t.targetName,
      context: t.context,
      letter: t.letter,
      sources: t.sources,
    };
  };
  const topicText = (translations: (typeof c.topics)[number]["translations"], locale: string) => {
    const t = translations.find((x) => x.locale === locale)!;
    return { title: t.title, fact: t.fact, ask: t.ask, source: t.source, paragraph: t.paragraph };
  };
  return {
    slug: c.slug,
    goal: c.goal,
    targetEmail: c.targetEmail,
    senderEmail: c.senderEmail ?? undefined,
    defaultLocale: c.defaultLocale,
    letterDelivery: c.letterDelivery,
    risk: c.risk,
    digestIntervalMinutes: c.digestIntervalMinutes,
    throttlePerMinute: c.throttlePerMinute,
    holdUntil: c.holdUntil ?? undefined,
    opensAt: c.opensAt ?? undefined,
    closesAt: c.closesAt ?? undefined,
    texts: { en: text("en"), ko: text("ko") },
    topics: c.topics.map((t) => ({
      key: t.key,
      texts: { en: topicText(t.translations, "en"), ko: topicText(t.translations, "ko") },
    })),
  };
}
