import pg from "pg";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/campaigns/[slug]/signatures/route";
import { closeDb, prisma, pool } from "@/lib/infra/db";
import { advanceClock, resetClock } from "@/lib/infra/clock";
import { env } from "@/lib/infra/env";
import { resendWindowSeconds } from "@/lib/signatures/write-submission";
import { stopBoss } from "@/lib/infra/queue/boss";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { signatureInput } from "@/lib/signatures/schema";
import { signPetition } from "@/lib/signatures/sign-petition";
import { createCampaign, jsonRequest, outboxFor, params, sendState, signer } from "./helpers";
import { claimOutboxMessages } from "@/lib/infra/outbox/claim-outbox-messages";
import { OutboxWorker } from "@/lib/infra/outbox/outbox-worker";

afterEach(() => resetClock());

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

const sign = (slug: string, body: unknown, headers?: Record<string, string>) =>
  POST(jsonRequest(`/api/campaigns/${slug}/signatures`, body, { headers }), params({ slug }));

describe("POST /api/campaigns/[slug]/signatures", () => {
  it("takes one statement: the abuse checks' counters, the signature and its email are written together", async () => {
    const campaign = await createCampaign();
    const query = vi.spyOn(pg.Client.prototype, "query");
    try {
      const res = await sign(campaign.slug, signer(), { "x-forwarded-for": "203.0.113.8" });
      expect(res.status).toBe(202);
      // Inside a transaction that only bounds its time (lib/infra/prisma.ts, writeWithinDeadline): one statement does the work.
      const texts = query.mock.calls.map(([q]) => (typeof q === "string" ? q : (q as { text: string }).text).trim());
      expect(texts).toHaveLength(3);
      expect(texts[0]).toMatch(/^BEGIN; SET LOCAL statement_timeout = \d+$/);
      expect(texts[1]).toMatch(/INSERT INTO signature[\s\S]*INSERT INTO outbox_message/);
      expect(texts[2]).toBe("COMMIT");
    } finally {
      query.mockRestore();
    }
    expect(await prisma.signature.count({ where: { campaignId: campaign.id } })).toBe(1);
    expect(await outboxFor(campaign.id)).toHaveLength(1);
  });

  it("stores a pending signature, queues one confirmation email and answers 202", async () => {
    const campaign = await createCampaign();
    const res = await sign(
      campaign.slug,
      signer({ email: "Ji.Min@Example.TEST", showName: true, comment: "함께합니다 ✊" }),
      {
        "x-forwarded-for": "203.0.113.7",
      },
    );
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "pending_confirmation" });

    const rows = await prisma.signature.findMany({ where: { campaignId: campaign.id } });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      status: "pending",
      email: "Ji.Min@Example.TEST",
      emailKey: "ji.min@example.test",
      showName: true,
      wantsUpdates: false,
      comment: "함께합니다 ✊",
      locale: "en",
    });
    // The IP is kept only as a keyed hash.
    expect(row.ipHash).toBeTruthy();
    expect(JSON.stringify(row)).not.toContain("203.0.113.7");
    expect(row.confirmTokenHash).toHaveLength(32);

    const messages = await outboxFor(campaign.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: "signature.confirm", to: "Ji.Min@Example.TEST", status: "pending" });
    expect(String(messages[0]!.payload.token)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The row is the message's only job: due at once, for any worker to claim.
    expect(await sendState(messages[0]!.id)).toEqual({ status: "pending", attempts: 0, claimed_by: null, due: true });
  });

  it("answers a repeated signature the same way, keeps one row and sends no second email within the resend window", async () => {
    const campaign = await createCampaign();
    const first = signer({ email: "someone@example.test" });
    expect((await sign(campaign.slug, first)).status).toBe(202);
    const again = await sign(campaign.slug, { ...first, email: "  SOMEONE@example.test " });
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ status: "pending_confirmation" });
    expect(await prisma.signature.count({ where: { campaignId: campaign.id } })).toBe(1);
    expect(await outboxFor(campaign.id)).toHaveLength(1);
  });

  it("signing again within the resend window says a link went out a few minutes ago and keeps the new details", async () => {
    const campaign = await createCampaign();
    const person = signer({ name: "Kim Tpyo", country: "US", region: "CA", comment: "First words" });
    expect(await signPetition(campaign.slug, signatureInput.parse(person))).toEqual({ emailed: "now" });
    const [firstMessage] = await outboxFor(campaign.id);

    advanceClock(3 * 60_000);
    const corrected = { ...person, name: "Kim Typo", country: "KR", region: "11", comment: "Better words" };
    expect(await signPetition(campaign.slug, signatureInput.parse(corrected))).toEqual({ emailed: "recently" });
    const row = await prisma.signature.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect(row).toMatchObject({
      status: "pending",
      name: "Kim Typo",
      country: "KR",
      region: "11",
      comment: "Better words",
    });
    // No second email, and the link already sent is still the one that works (and confirms the newest details).
    const messages = await outboxFor(campaign.id);
    expect(messages.map((m) => m.status)).toEqual(["pending"]);
    expect(await confirmSignature(String(firstMessage!.payload.token))).toMatchObject({ status: "confirmed" });
    expect(await prisma.signature.findFirstOrThrow({ where: { campaignId: campaign.id } })).toMatchObject({
      status: "confirmed",
      name: "Kim Typo",
    });
  });

  it("tells a confirmed signer signing again within the window that a link went out, and changes nothing", async () => {
    const campaign = await createCampaign();
    const person = signer();
    await signPetition(campaign.slug, signatureInput.parse(person));
    const [message] = await outboxFor(campaign.id);
    await confirmSignature(String(message!.payload.token));
    advanceClock(60_000);
    const again = signatureInput.parse({ ...person, name: "Someone Else" });
    expect(await signPetition(campaign.slug, again)).toEqual({ emailed: "recently" });
    expect(await outboxFor(campaign.id)).toHaveLength(1);
    expect(await prisma.signature.findFirstOrThrow({ where: { campaignId: campaign.id } })).toMatchObject({
      status: "confirmed",
      name: person.name,
    });
  });

  it("answers a submission caught by a silent check as if a link had been sent, and sends none", async () => {
    const campaign = await createCampaign();
    const bot = signatureInput.parse(signer({ website: "http://spam.example" }));
    expect(await signPetition(campaign.slug, bot)).toEqual({ emailed: "now" });
    expect(await signPetition(campaign.slug, bot)).toEqual({ emailed: "now" });
    expect(await outboxFor(campaign.id)).toHaveLength(0);
  });

  it("gives the confirmation link CONFIRMATION_TTL_HOURS, and emails again only after the resend window", async () => {
    const campaign = await createCampaign();
    const person = signer();
    const before = Date.now();
    await sign(campaign.slug, person);
    const row = await prisma.signature.findFirstOrThrow({ where: { campaignId: campaign.id } });
    const lifetime = row.confirmTokenExpiresAt!.getTime() - before;
    expect(Math.abs(lifetime - env.CONFIRMATION_TTL_HOURS * 3600_000)).toBeLessThan(60_000);

    advanceClock((resendWindowSeconds - 60) * 1000);
    await sign(campaign.slug, person);
    expect(await outboxFor(campaign.id)).toHaveLength(1);
    advanceClock(2 * 60_000);
    await sign(campaign.slug, person);
    expect(await outboxFor(campaign.id)).toHaveLength(2);
  });

  it("treats Gmail dots and +tags as the same person", async () => {
    const campaign = await createCampaign();
    await sign(campaign.slug, signer({ email: "jane.doe+petition@gmail.com" }));
    await sign(campaign.slug, signer({ email: "JaneDoe@googlemail.com" }));
    expect(await prisma.signature.count({ where: { campaignId: campaign.id } })).toBe(1);
  });

  it("after the resend window sends one fresh link to a pending signer and retires the old one", async () => {
    const campaign = await createCampaign();
    const person = signer();
    await sign(campaign.slug, person);
    const [firstMessage] = await outboxFor(campaign.id);
    advanceClock((resendWindowSeconds + 60) * 1000);

    await sign(campaign.slug, { ...person, name: "Corrected Name", locale: "ko" });
    const messages = await outboxFor(campaign.id);
    expect(messages).toHaveLength(2);
    expect(messages[1]).toMatchObject({ kind: "signature.confirm" });
    const row = await prisma.signature.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect(row).toMatchObject({ name: "Corrected Name", locale: "ko" });

    expect(await confirmSignature(String(firstMessage!.payload.token))).toEqual({ status: "invalid" });
    expect(await confirmSignature(String(messages[1]!.payload.token))).toMatchObject({ status: "confirmed" });
  });

  it("lets nobody signing again with someone's address turn their privacy choices on, and retires the unsent link", async () => {
    const campaign = await createCampaign();
    const person = signer({ showName: false, wantsUpdates: false });
    await sign(campaign.slug, person);
    advanceClock((resendWindowSeconds + 60) * 1000);
    await sign(campaign.slug, { ...person, showName: true, wantsUpdates: true });
    const row = await prisma.signature.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect(row).toMatchObject({ showName: false, wantsUpdates: false });
    const messages = await outboxFor(campaign.id);
    expect(messages.map((m) => m.status)).toEqual(["cancelled", "pending"]);
    expect(messages[0]!.payload).toEqual({});
  });

  it("tells an already confirmed signer by email only, without changing their signature", async () => {
    const campaign = await createCampaign();
    const person = signer();
    await sign(campaign.slug, person);
    const [message] = await outboxFor(campaign.id);
    await confirmSignature(String(message!.payload.token));
    advanceClock((resendWindowSeconds + 60) * 1000);

    const res = await sign(campaign.slug, { ...person, name: "Someone Else" });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "pending_confirmation" });
    const messages = await outboxFor(campaign.id);
    expect(messages.map((m) => m.kind)).toEqual(["signature.confirm", "signature.already_confirmed"]);
    expect(messages[1]!.payload).toEqual({});
    const row = await prisma.signature.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect(row).toMatchObject({ status: "confirmed", name: person.name });
  });

  it("keeps one row and at most one email when 200 requests sign with one address at once", async () => {
    const campaign = await createCampaign();
    const person = signer();
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        sign(campaign.slug, { ...person, email: i % 2 ? person.email.toUpperCase() : person.email }),
      ),
    );
    // The per-address limit (RATE_EMAIL_HOURLY) turns the rest away with 429; what passes still makes one row.
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s !== 202 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 202).length).toBeGreaterThanOrEqual(env.RATE_EMAIL_HOURLY);
    expect(await prisma.signature.count({ where: { campaignId: campaign.id } })).toBe(1);
    expect(await outboxFor(campaign.id)).toHaveLength(1);
  });

  it("gives each email to exactly one worker when several claim at once", async () => {
    const campaign = await createCampaign();
    const answers = await Promise.all(Array.from({ length: 60 }, () => sign(campaign.slug, signer())));
    expect(answers.map((r) => r.status)).toEqual(Array(60).fill(202));
    // Three workers claiming in small batches at the same moment, until nothing due is left.
    const claimedBy = new Map<string, string[]>();
    const drain = async () => {
      const worker = new OutboxWorker();
      for (;;) {
        const rows = await claimOutboxMessages(worker, { lane: "own", limit: 7 });
        if (rows.length === 0) return;
        for (const r of rows) claimedBy.set(r.id, [...(claimedBy.get(r.id) ?? []), worker.id]);
      }
    };
    await Promise.all([drain(), drain(), drain()]);
    const messages = await outboxFor(campaign.id);
    expect(messages).toHaveLength(60);
    expect(messages.map((m) => claimedBy.get(m.id)?.length)).toEqual(Array(60).fill(1));
    expect(new Set(messages.map((m) => claimedBy.get(m.id)![0])).size).toBeGreaterThan(1);
    for (const m of messages) expect((await sendState(m.id))!.claimed_by).toBe(claimedBy.get(m.id)![0]);
  });

  it.each([
    ["a missing name", { name: "" }, "name", "required"],
    ["a malformed email", { email: "not-an-email" }, "email", "invalid_email"],
    ["an unknown country", { country: "ZZ" }, "country", "invalid_country"],
    ["a US signer without a state", { region: undefined }, "region", "required"],
    ["a state that does not exist", { region: "XX" }, "region", "invalid_region"],
    ["a malformed ZIP code", { postalCode: "ABCDE" }, "postalCode", "invalid_postal_code"],
    ["a line break in the name", { name: "Kim\r\nBcc: x@example.test" }, "name", "invalid_characters"],
    [
      "a name in RFC 2047 encoded words that decode to CR LF",
      { name: "=?utf-8?q?x=0D=0ABcc:_x@example.test?=" },
      "name",
      "invalid_characters",
    ],
    ["the same in base64", { name: "=?utf-8?b?eA0KQmNjOiBhQGV4YW1wbGUudGVzdA==?=" }, "name", "invalid_characters"],
    ["a name with an encoded word", { name: "Kim =?ISO-8859-1?Q?J=F6rg?=" }, "name", "encoded_words"],
    ["a name that is too long", { name: "가".repeat(101) }, "name", "too_long"],
    ["a comment that is too long", { comment: "x".repeat(1001) }, "comment", "too_long"],
    ["a string where a boolean belongs", { showName: "yes" }, "showName", "invalid_boolean"],
    ["an unsupported language", { locale: "fr" }, "locale", "invalid_locale"],
  ])("rejects %s with 422 and a code for the field", async (_label, change, field, code) => {
    const campaign = await createCampaign();
    const res = await sign(campaign.slug, { ...signer(), ...change });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.fields[field]).toMatchObject({ code });
    expect(body.error.fields[field].message).toEqual(expect.any(String));
    expect(await prisma.signature.count({ where: { campaignId: campaign.id } })).toBe(0);
  });

  it("answers field messages in the reader's language", async () => {
    const campaign = await createCampaign();
    const res = await sign(campaign.slug, { ...signer(), email: "nope" }, { "accept-language": "ko-KR,ko;q=0.9" });
    const body = await res.json();
    expect(body.error.fields.email.message).toBe("name@example.com 형식의 이메일 주소를 입력해 주세요.");
  });

  it.each([
    [
      "wrong content type",
      () =>
        new Request("http://localhost/x", { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" }),
      415,
      "unsupported_media_type",
    ],
    [
      "form-encoded body",
      () =>
        new Request("http://localhost/x", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: "name=x",
        }),
      415,
      "unsupported_media_type",
    ],
    ["malformed JSON", () => jsonRequest("/x", "{ name: "), 400, "invalid_json"],
    [
      "a body over 16 KiB",
      () => jsonRequest("/x", { ...signer(), comment: "x".repeat(20_000) }),
      413,
      "payload_too_large",
    ],
    ["a JSON array", () => jsonRequest("/x", "[]"), 422, "validation_failed"],
  ])("rejects %s", async (_label, makeRequest, status, code) => {
    const campaign = await createCampaign();
    const res = await POST(makeRequest(), params({ slug: campaign.slug }));
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(body.error.code).toBe(code);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|stack|SELECT|INSERT/);
  });

  it("answers 404 for an unknown campaign, a draft, and a closed one", async () => {
    const draft = await createCampaign({ status: "draft" });
    const closed = await createCampaign({ status: "closed" });
    const expired = await createCampaign({ closesAt: new Date(Date.now() - 60_000) });
    const cases = [
      ["no-such-campaign", "campaign_not_found"],
      [draft.slug, "campaign_not_found"],
      [closed.slug, "campaign_closed"],
      [expired.slug, "campaign_closed"],
    ] as const;
    for (const [slug, code] of cases) {
      const res = await sign(slug, signer());
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe(code);
    }
    expect(await prisma.signature.count({ where: { campaignId: { in: [draft.id, closed.id, expired.id] } } })).toBe(0);
  });
});
