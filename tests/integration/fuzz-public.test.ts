// Fuzzing the public API (signatures, letters, count) with generated input: never a 5xx, errors in the documented
// shape, nothing stored that the schema forbids, and Korean and emoji stored and mailed exactly as sent.
// Seed and runs: tests/integration/fuzz/config.ts (`npm run fuzz` runs many more).
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import * as signatures from "@/app/api/campaigns/[slug]/signatures/route";
import * as letters from "@/app/api/campaigns/[slug]/letters/route";
import * as count from "@/app/api/campaigns/[slug]/count/route";
import { closeDb, prisma, pool } from "@/lib/infra/db";
import { stopBoss } from "@/lib/infra/queue/boss";
import { letterBodyLimit, letterInput } from "@/lib/letters/schema";
import { renderLetterMessage } from "@/lib/letters/render-letter-mail";
import { letterAsDelivered } from "@/lib/delivery/letter-as-delivered";
import { defaultBodyLimit } from "@/lib/infra/http";
import { emailKey } from "@/lib/infra/validation/normalize-email";
import { renderSignatureMessage } from "@/lib/signatures/render-signature-mail";
import { signatureInput } from "@/lib/signatures/schema";
import { translator } from "@/lib/infra/i18n/messages";
import { createCampaign, params } from "./helpers";
import {
  acceptLanguage,
  anyText,
  chars,
  contentType,
  fieldValue,
  garbageParam,
  hostileText,
  mutated,
  rawBody,
  wrongType,
} from "./fuzz/arbitraries";
import { fuzz, fuzzTimeout } from "./fuzz/config";
import { expectContract, expectStorableStrings, request, type Sent } from "./fuzz/contract";
import {
  campaignWithTopics,
  freshEmails,
  koreanLetter,
  koreanSignature,
  latestMessage,
  letterArb,
  signatureArb,
} from "./fuzz/fixtures";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

type Handler = (request: Request, context: { params: Promise<{ slug: string }> }) => Promise<Response>;

const emailValue = fc.oneof(
  anyText(254),
  fc.constantFrom(
    "a@b",
    "@",
    "a@",
    " x@example.test ",
    "x@example.test\n",
    "x@example.test\u0000",
    "x\u0000y@example.test",
    "가@나.한국",
    "a@😀.com",
    `${"a".repeat(250)}@example.test`,
    "a@b@c.de",
    '"a b"@example.test',
  ),
);
const countryValue = fc.oneof(
  anyText(2),
  wrongType,
  fc.constantFrom("KP", "kr", " us ", "XX", "ZZ", "ſs", "US\u0000", "ＵＳ"),
);
const localeValue = fc.oneof(wrongType, fc.constantFrom("en", "ko", "EN", "ja", "__proto__", "ko\u0000"));
const topicsValue = fc.oneof(
  wrongType,
  fc.array(anyText(64), { maxLength: 4 }),
  fc.array(
    fc.constantFrom(
      "prison-camps",
      "families",
      "movement",
      "PRISON-CAMPS",
      "unknown",
      "__proto__",
      "prison-camps\u0000",
      "",
    ),
    { maxLength: 25 },
  ),
);

/** What a 202 stored for a signature: exactly what the schema makes of the submission, and itself valid. */
async function expectStoredSignature(campaignId: string, submitted: unknown) {
  // The abuse-check fields (form token, honeypot, challenge) are read, never stored.
  const { formToken: _t, website: _w, challenge: _c, ...expected } = signatureInput.parse(submitted);
  const row = await prisma.signature.findFirstOrThrow({ where: { campaignId, emailKey: emailKey(expected.email) } });
  expectStorableStrings(row);
  const stored = {
    name: row.name,
    email: row.email,
    country: row.country,
    region: row.region ?? undefined,
    postalCode: row.postalCode ?? undefined,
    comment: row.comment ?? undefined,
    showName: row.showName,
    wantsUpdates: row.wantsUpdates,
    locale: row.locale,
  };
  expect(stored).toEqual({ ...expected, locale: expected.locale ?? "en" });
  expect(signatureInput.parse(stored)).toEqual(stored);
  return row;
}

/** What a 202 stored for a letter: exactly what the schema makes of the submission (topics included), and itself valid. */
async function expectStoredLetter(campaignId: string, submitted: unknown) {
  const { formToken: _t, website: _w, challenge: _c, ...expected } = letterInput.parse(submitted);
  const row = await prisma.letter.findFirstOrThrow({
    where: { campaignId, emailKey: emailKey(expected.email) },
    include: { topics: { include: { topic: true } } },
  });
  const { topics, ...columns } = row;
  expectStorableStrings(columns);
  const stored = {
    topics: topics.map((t) => t.topic.key).sort(),
    subject: row.subject,
    body: row.body,
    language: row.language,
    writerRole: row.writerRole ?? undefined,
    name: row.name,
    email: row.email,
    street: row.street ?? undefined,
    city: row.city,
    region: row.region ?? undefined,
    postalCode: row.postalCode ?? undefined,
    country: row.country,
    alsoSign: row.alsoSign,
    showName: row.showName,
    wantsUpdates: row.wantsUpdates,
    replyConsent: row.replyConsent,
    locale: row.locale,
  };
  expect(stored).toEqual({ ...expected, topics: [...expected.topics].sort(), locale: expected.locale ?? "en" });
  expect(letterInput.parse(stored)).toEqual(stored);
  return row;
}

/** The JSON the server saw in a raw body, decoded as the server decodes it (a 202 means it was valid UTF-8 JSON). */
function parsedBody(body: Sent["body"]): unknown {
  const text = typeof body === "string" ? body : new TextDecoder("utf-8", { fatal: true }).decode(body);
  return JSON.parse(text);
}

type StoredRow = { id: string; name: string; subject?: string; body?: string };
type PublicPost = {
  name: string;
  handler: Handler;
  limit: number;
  campaign: () => Promise<{ id: string; slug: string }>;
  valid: fc.Arbitrary<Record<string, unknown>>;
  korean: fc.Arbitrary<Record<string, unknown>>;
  expectStored: (campaignId: string, submitted: unknown) => Promise<StoredRow>;
  fields: Record<string, fc.Arbitrary<unknown>>;
  expectMail: (row: StoredRow) => Promise<void>;
};

const publicPosts: PublicPost[] = [
  {
    name: "POST /api/campaigns/[slug]/signatures",
    handler: signatures.POST as Handler,
    limit: defaultBodyLimit,
    campaign: createCampaign,
    valid: signatureArb(),
    korean: koreanSignature,
    expectStored: expectStoredSignature,
    fields: {
      name: fieldValue(100),
      email: fc.oneof(emailValue, wrongType),
      country: countryValue,
      region: fieldValue(100),
      postalCode: fieldValue(16),
      comment: fieldValue(1000),
      showName: fieldValue(),
      wantsUpdates: fieldValue(),
      locale: localeValue,
    },
    /** The confirmation email repeats how the signer appears to the target, and greets nobody by a typed name. */
    async expectMail(row) {
      const mail = (await renderSignatureMessage(await latestMessage("signature_id", row.id)))!;
      const stored = await prisma.signature.findUniqueOrThrow({ where: { id: row.id } });
      const t = translator(stored.locale === "ko" ? "ko" : "en", "appearance");
      expect(mail.text).toContain(t("emailChoice", { choice: t(stored.appearance) }));
      expect(mail.text.split("\n")[0]).toBe(stored.locale === "ko" ? "안녕하세요." : "Hello,");
    },
  },
  {
    name: "POST /api/campaigns/[slug]/letters",
    handler: letters.POST as Handler,
    limit: letterBodyLimit,
    campaign: campaignWithTopics,
    valid: letterArb(),
    korean: koreanLetter,
    expectStored: expectStoredLetter,
    fields: {
      topics: topicsValue,
      subject: fieldValue(150),
      body: fc.oneof(fieldValue(5000), hostileText(400)),
      language: fieldValue(),
      writerRole: fieldValue(),
      name: fieldValue(100),
      email: fc.oneof(emailValue, wrongType),
      street: fieldValue(200),
      city: fieldValue(100),
      region: fieldValue(100),
      postalCode: fieldValue(16),
      country: countryValue,
      alsoSign: fieldValue(),
      showName: fieldValue(),
      wantsUpdates: fieldValue(),
      replyConsent: fieldValue(),
      locale: localeValue,
    },
    /** The confirmation email carries a copy of the letter exactly as stored, as it will be delivered. */
    async expectMail(row) {
      const mail = (await renderLetterMessage(await latestMessage("letter_id", row.id), letterAsDelivered))!;
      expect(mail.text).toContain(row.name);
      expect(mail.text).toContain(`${row.body}\n\n-- \n`);
      expect(mail.text).toContain(row.subject);
    },
  },
];

for (const route of publicPosts) {
  const post = (slug: string, sent: Sent) =>
    route.handler(request("POST", "/api/campaigns/fuzz", sent), params({ slug }));
  const allowed = [202, 400, 413, 415, 422] as const;

  describe(`fuzz: ${route.name}`, () => {
    it(
      "answers any raw body (not JSON, truncated, invalid UTF-8, repeated or prototype keys, too big) in the contract",
      async () => {
        const campaign = await route.campaign();
        await fuzz(
          fc.asyncProperty(
            rawBody(route.valid, route.limit),
            contentType,
            acceptLanguage,
            async (generated, type, lang) => {
              const body = freshEmails(generated);
              const answer = await expectContract(
                await post(campaign.slug, { body, contentType: type, headers: { "accept-language": lang } }),
                allowed,
                lang,
              );
              if (answer.status === 202) await route.expectStored(campaign.id, parsedBody(body));
              expect(
                ({} as Record<string, unknown>).isAdmin ?? ({} as Record<string, unknown>).polluted,
              ).toBeUndefined();
            },
          ),
          2,
        );
      },
      fuzzTimeout(2),
    );

    it(
      "answers wrong types, missing, extra, huge, blank and hostile values at every field in the contract",
      async () => {
        const campaign = await route.campaign();
        await fuzz(
          fc.asyncProperty(mutated(route.valid, route.fields), acceptLanguage, async (generated, lang) => {
            const input = freshEmails(generated);
            const answer = await expectContract(
              await post(campaign.slug, {
                body: JSON.stringify(input),
                contentType: "application/json",
                headers: { "accept-language": lang },
              }),
              allowed,
              lang,
            );
            if (answer.status === 202) await route.expectStored(campaign.id, input);
          }),
          2,
        );
      },
      fuzzTimeout(2),
    );

    it(
      "stores text of every printable kind (RTL, bidi marks, zero-width, combining, jamo) as the schema normalises it",
      async () => {
        const campaign = await route.campaign();
        await fuzz(
          fc.asyncProperty(route.valid, async (generated) => {
            const input = freshEmails(generated);
            const answer = await expectContract(
              await post(campaign.slug, { body: JSON.stringify(input), contentType: "application/json" }),
              allowed,
            );
            if (answer.status === 202) await route.expectStored(campaign.id, input);
            else expect(answer.status).toBe(422);
          }),
        );
      },
      fuzzTimeout(),
    );

    it(
      "stores and mails Korean and emoji exactly as sent (after trimming)",
      async () => {
        const campaign = await route.campaign();
        await fuzz(
          fc.asyncProperty(route.korean, async (generated) => {
            const input = freshEmails(generated);
            const answer = await expectContract(
              await post(campaign.slug, { body: JSON.stringify(input), contentType: "application/json" }),
              [202],
            );
            expect(answer.body).toEqual({ status: "pending_confirmation" });
            const row = await route.expectStored(campaign.id, input);
            for (const [key, value] of Object.entries(input)) {
              if (typeof value === "string" && !["body", "country", "formToken", "website"].includes(key))
                expect((row as Record<string, unknown>)[key], key).toBe(value.trim());
            }
            await route.expectMail(row);
          }),
        );
      },
      fuzzTimeout(),
    );

    it(
      "answers a garbage slug with 404 (or the body's own error), never a 5xx",
      async () => {
        const campaign = await route.campaign();
        await fuzz(
          fc.asyncProperty(garbageParam, route.valid, async (slug, input) => {
            fc.pre(slug !== campaign.slug);
            await expectContract(
              await post(slug, { body: JSON.stringify(input), contentType: "application/json" }),
              [404, 422],
            );
          }),
        );
      },
      fuzzTimeout(),
    );
  });
}

describe("fuzz: GET /api/campaigns/[slug]/count", () => {
  it(
    "answers any slug with the count or 404, never a 5xx",
    async () => {
      const campaign = await createCampaign({ goal: 77 });
      await fuzz(
        fc.asyncProperty(
          fc.oneof(
            garbageParam,
            fc.constant(campaign.slug),
            chars.nul.map((nul) => `${campaign.slug}${nul}`),
          ),
          acceptLanguage,
          async (slug, lang) => {
            const res = await count.GET(
              request("GET", "/api/campaigns/fuzz/count", { headers: { "accept-language": lang } }),
              params({ slug }),
            );
            const answer = await expectContract(res, [200, 404], lang);
            if (answer.status === 200) expect(answer.body).toEqual({ confirmed: 0, goal: 77 });
          },
        ),
        2,
      );
    },
    fuzzTimeout(2),
  );
});

// Inputs the fuzzer found that used to answer 500 or store something else than what was sent, kept as plain cases.
describe("fuzz regressions: public API", () => {
  const json = (input: unknown): Sent => ({ body: JSON.stringify(input), contentType: "application/json" });
  const sign = (slug: string, sent: Sent) =>
    signatures.POST(request("POST", "/api/campaigns/fuzz", sent), params({ slug }));
  const write = (slug: string, sent: Sent) =>
    letters.POST(request("POST", "/api/campaigns/fuzz", sent), params({ slug }));
  const validSigner = { name: "Kim", email: "regression@example.test", country: "KR" };

  it("a slug with a NUL (or of any shape no campaign has) is 404, not a database error", async () => {
    const campaign = await campaignWithTopics();
    for (const slug of ["\u0000", `${campaign.slug}\u0000`, "\ud800", "a".repeat(10_000)]) {
      await expectContract(await sign(slug, json(validSigner)), [404]);
      await expectContract(await write(slug, json({})), [404, 422]);
      await expectContract(await count.GET(request("GET", "/api/campaigns/fuzz/count"), params({ slug })), [404]);
    }
  });

  it("a body that is not valid UTF-8 is 400 invalid_json, not stored with U+FFFD in place of what was sent", async () => {
    const campaign = await createCampaign();
    const [head, tail] = JSON.stringify({ ...validSigner, name: "@@" }).split("@@") as [string, string];
    const body = Buffer.concat([Buffer.from(head), Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80]), Buffer.from(tail)]);
    const answer = await expectContract(await sign(campaign.slug, { body, contentType: "application/json" }), [400]);
    expect(answer.body).toMatchObject({ error: { code: "invalid_json" } });
    expect(await prisma.signature.count({ where: { campaignId: campaign.id } })).toBe(0);
  });

  it("NUL, lone surrogates, C1 controls and line separators in text are 422 invalid_characters, in English and Korean", async () => {
    const campaign = await createCampaign();
    for (const [field, value] of [
      ["name", "Kim\u0000"],
      ["name", "Kim\ud800"],
      ["region", "\udfffTokyo"],
      ["name", "Kim\u0085"],
      ["name", "Kim\u2028Lee"],
      ["comment", "a\u0000b"],
      ["comment", "\ud83d"],
    ] as const) {
      const input = { ...validSigner, country: "JP", [field]: value };
      for (const lang of ["en", "ko"]) {
        const answer = await expectContract(
          await sign(campaign.slug, { ...json(input), headers: { "accept-language": lang } }),
          [422],
          lang,
        );
        expect(answer.body).toMatchObject({ error: { fields: { [field]: { code: "invalid_characters" } } } });
      }
    }
    expect(await prisma.signature.count({ where: { campaignId: campaign.id } })).toBe(0);
  });

  it("a name of only invisible characters (zero-width space, bidi mark, Hangul filler) is required, not stored blank", async () => {
    const campaign = await createCampaign();
    for (const name of ["\u200b", "\u200e\u200f", "\u3164", "\ufeff \u2060"]) {
      const answer = await expectContract(await sign(campaign.slug, json({ ...validSigner, name })), [422]);
      expect(answer.body).toMatchObject({ error: { fields: { name: { code: "required" } } } });
    }
  });

  it("keeps bidi marks, zero-width joiners and RTL text as sent, and composes Hangul jamo (NFC)", async () => {
    const campaign = await createCampaign();
    const name = "\u202bשלום\u202c 👩🏽\u200d💻 \u1100\u1161";
    await expectContract(await sign(campaign.slug, json({ ...validSigner, name, email: "bidi@example.test" })), [202]);
    const row = await prisma.signature.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect(row.name).toBe("\u202bשלום\u202c 👩🏽\u200d💻 가");
  });

  it("letter-specific field codes have their own message in both languages", async () => {
    const campaign = await campaignWithTopics();
    for (const lang of ["en", "ko"]) {
      const answer = await expectContract(
        await write(campaign.slug, { ...json({ topics: [], language: "fr" }), headers: { "accept-language": lang } }),
        [422],
        lang,
      );
      expect(answer.body).toMatchObject({
        error: { fields: { topics: { code: "choose_topic" }, language: { code: "invalid_language" } } },
      });
    }
  });
});
