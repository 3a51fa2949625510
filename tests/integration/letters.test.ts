import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/campaigns/[slug]/letters/route";
import { advanceClock, resetClock } from "@/lib/infra/clock";
import { closeDb, prisma, pool } from "@/lib/infra/db";
import { stopBoss } from "@/lib/infra/queue/boss";
import { confirmLetter } from "@/lib/letters/confirm-letter";
import { describeLetterConfirmLink, describeLetterWithdrawLink } from "@/lib/letters/describe-letter-link";
import { letterWithdrawToken } from "@/lib/letters/links";
import { renderLetterMessage } from "@/lib/letters/render-letter-mail";
import { letterAsDelivered } from "@/lib/delivery/letter-as-delivered";
import { withdrawLetter } from "@/lib/letters/withdraw-letter";
import { withdrawToken } from "@/lib/signatures/links";
import { signatureInput } from "@/lib/signatures/schema";
import { signPetition } from "@/lib/signatures/sign-petition";
import { signatureCountFor } from "@/lib/campaigns/signature-count";
import type { OutboxRow } from "@/lib/infra/outbox/outbox";
import { env } from "@/lib/infra/env";
import { campaignWithTopics, formToken, jsonRequest, params, sendState, signer } from "./helpers";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

afterEach(() => resetClock());

const body =
  "Dear Mr. President,\n\nI am writing because my students told me what they lived through.\n\n<b>Please</b> raise the camps & the families.\n\nSincerely,";

function letter(overrides: Record<string, unknown> = {}) {
  return {
    topics: ["prison-camps", "families"],
    subject: "Human rights at the summit",
    body,
    language: "en",
    writerRole: "supporter",
    name: "Jane Writer",
    email: `writer-${randomUUID().slice(0, 8)}@example.test`,
    street: "1 Main St",
    city: "Albany",
    region: "NY",
    postalCode: "12207",
    country: "US",
    alsoSign: false,
    formToken: formToken("letter"),
    ...overrides,
  };
}

const send = (slug: string, payload: unknown, headers?: Record<string, string>) =>
  POST(jsonRequest(`/api/campaigns/${slug}/letters`, payload, { headers }), params({ slug }));

async function messagesFor(campaignId: string) {
  const { rows } = await pool.query<OutboxRow & { status: string }>(
    `SELECT m.id, m.kind, m."to", m.locale, m.payload, m.message_id, m.signature_id, m.letter_id, m.campaign_id, m.status
       FROM outbox_message m JOIN letter l ON l.id = m.letter_id WHERE l.campaign_id = $1 ORDER BY m.created_at`,
    [campaignId],
  );
  return rows;
}

async function topicCounts(campaignId: string) {
  const { rows } = await pool.query<{ key: string; n: number }>(
    `SELECT t.key, count(lt.letter_id)::int AS n FROM campaign_topic t LEFT JOIN letter_topic lt ON lt.topic_id = t.id
      WHERE t.campaign_id = $1 GROUP BY t.key ORDER BY t.key`,
    [campaignId],
  );
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}

/** Lets the resend window (10 minutes) pass. */
const ageNotification = () => advanceClock(11 * 60_000);

async function tokenOf(campaignId: string, email: string) {
  const m = (await messagesFor(campaignId)).filter((x) => x.to === email && x.kind === "letter.confirm").at(-1)!;
  return String(m.payload.token);
}

describe("POST /api/campaigns/[slug]/letters", () => {
  it("stores the letter as written with its topics, queues one confirmation and answers 202", async () => {
    const campaign = await campaignWithTopics();
    const input = letter({ showName: true, locale: "ko" });
    const res = await send(campaign.slug, input, { "x-forwarded-for": "203.0.113.9" });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "pending_confirmation" });

    const row = await prisma.letter.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect(row).toMatchObject({
      status: "pending",
      body,
      subject: input.subject,
      language: "en",
      locale: "ko",
      writerRole: "supporter",
      name: "Jane Writer",
      city: "Albany",
      region: "NY",
      street: "1 Main St",
      postalCode: "12207",
      country: "US",
      showName: true,
      wantsUpdates: false,
      alsoSign: false,
      emailKey: input.email.toLowerCase(),
    });
    expect(row.ipHash).toBeTruthy();
    expect(JSON.stringify(row)).not.toContain("203.0.113.9");
    expect(await topicCounts(campaign.id)).toEqual({ families: 1, movement: 0, "prison-camps": 1 });

    const messages = await messagesFor(campaign.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: "letter.confirm", to: input.email, locale: "ko", status: "pending" });
    // The row is the message's only job: due at once, for any worker to claim.
    expect(await sendState(messages[0]!.id)).toEqual({ status: "pending", attempts: 0, claimed_by: null, due: true });
  });

  it("sends a confirmation with a verbatim copy of the letter in the text part and an escaped one in HTML", async () => {
    const campaign = await campaignWithTopics();
    const input = letter({ alsoSign: true });
    await send(campaign.slug, input);
    const [message] = await messagesFor(campaign.id);
    const mail = (await renderLetterMessage(message!, letterAsDelivered))!;
    expect(mail.subject).toContain(`Confirm your letter: Test campaign`);
    // The letter as delivered: the body as written, then the signed footer naming the writer as they chose.
    expect(mail.text).toContain(`${body}\n\n-- \n`);
    expect(mail.text).toContain("\u2068Jane Writer\u2069, \u2068Albany, New York, United States\u2069");
    expect(mail.text).toContain("Subject: Human rights at the summit");
    expect(mail.text).toMatch(new RegExp(`http://localhost:3000/en/letters/confirm/${String(message!.payload.token)}`));
    expect(mail.text).toMatch(/http:\/\/localhost:3000\/en\/letters\/withdraw\/[0-9a-f-]{36}\./);
    expect(mail.text).toContain("also counted as a signer");
    expect(mail.html).toContain("&lt;b&gt;Please&lt;/b&gt; raise the camps &amp; the families.");
    expect(mail.html).not.toContain("<b>Please</b>");
  });

  it("replaces a pending letter after the resend window: new text, new topics, fresh token, one new email", async () => {
    const campaign = await campaignWithTopics();
    const input = letter();
    await send(campaign.slug, input);
    const firstToken = await tokenOf(campaign.id, input.email);

    // Within the window nothing changes, so the first email's link confirms exactly the copy it carried.
    const soon = await send(campaign.slug, { ...input, body: body.replace("students", "neighbours") });
    expect(soon.status).toBe(202);
    expect((await prisma.letter.findFirstOrThrow({ where: { campaignId: campaign.id } })).body).toBe(body);
    expect(await messagesFor(campaign.id)).toHaveLength(1);

    ageNotification();
    const newBody = body.replace("students", "neighbours");
    const again = await send(campaign.slug, {
      ...input,
      email: input.email.toUpperCase(),
      body: newBody,
      topics: ["movement"],
      language: "en",
    });
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ status: "pending_confirmation" });
    expect(await prisma.letter.count({ where: { campaignId: campaign.id } })).toBe(1);
    expect((await prisma.letter.findFirstOrThrow({ where: { campaignId: campaign.id } })).body).toBe(newBody);
    expect(await topicCounts(campaign.id)).toEqual({ families: 0, movement: 1, "prison-camps": 0 });
    const messages = await messagesFor(campaign.id);
    expect(messages.map((m) => [m.kind, m.status])).toEqual([
      ["letter.confirm", "cancelled"],
      ["letter.confirm", "pending"],
    ]);

    expect(await confirmLetter(firstToken)).toEqual({ status: "invalid" });
    expect(await confirmLetter(await tokenOf(campaign.id, input.email.toUpperCase()))).toMatchObject({
      status: "confirmed",
    });
  });

  it("does not accept a second letter once the first is confirmed, answers identically, and says so by email", async () => {
    const campaign = await campaignWithTopics();
    const input = letter();
    await send(campaign.slug, input);
    await confirmLetter(await tokenOf(campaign.id, input.email));
    ageNotification();

    const res = await send(campaign.slug, { ...input, subject: "Another letter", topics: ["movement"] });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "pending_confirmation" });
    const row = await prisma.letter.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect(row).toMatchObject({ status: "confirmed", subject: input.subject, body });
    expect(await topicCounts(campaign.id)).toEqual({ families: 1, movement: 0, "prison-camps": 1 });
    const messages = await messagesFor(campaign.id);
    expect(messages.map((m) => m.kind)).toEqual(["letter.confirm", "letter.already_confirmed"]);
    expect(messages[1]!.payload).toEqual({});
    const mail = (await renderLetterMessage(messages[1]!, letterAsDelivered))!;
    expect(mail.subject).toMatch(/^You have already written/);
    expect(mail.text).not.toContain("Another letter");
  });

  it("keeps one letter and one email when 50 submissions with one address arrive at once", async () => {
    const campaign = await campaignWithTopics();
    const input = letter();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => send(campaign.slug, { ...input, subject: `Version ${i}` })),
    );
    // The per-address limit (RATE_EMAIL_HOURLY) turns the rest away with 429; what passes still makes one letter.
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s !== 202 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 202).length).toBeGreaterThanOrEqual(env.RATE_EMAIL_HOURLY);
    expect(await prisma.letter.count({ where: { campaignId: campaign.id } })).toBe(1);
    expect(await messagesFor(campaign.id)).toHaveLength(1);
  });

  it.each([
    ["no topic", { topics: [] }, "topics", "choose_topic"],
    ["a malformed topic key", { topics: ["Prison Camps!"] }, "topics", "invalid_topic"],
    ["a topic the campaign does not have", { topics: ["prison-camps", "weather"] }, "topics", "invalid_topic"],
    ["an empty subject", { subject: "  " }, "subject", "required"],
    ["a subject that is too long", { subject: "s".repeat(151) }, "subject", "too_long"],
    ["a body that is too short", { body: "Too short." }, "body", "too_short"],
    ["a body that is too long", { body: "가".repeat(5001) }, "body", "too_long"],
    [
      "CR/LF in the subject (header injection)",
      { subject: "Hello\r\nBcc: victim@example.test" },
      "subject",
      "invalid_characters",
    ],
    ["LF in the name (header injection)", { name: "Jane\nBcc: victim@example.test" }, "name", "invalid_characters"],
    [
      "an encoded word in the subject that decodes to CR LF (header injection in mail readers)",
      { subject: "=?utf-8?q?Hello=0D=0ABcc:_victim@example.test?=" },
      "subject",
      "invalid_characters",
    ],
    [
      "a base64 encoded word in the subject that decodes to CR LF",
      { subject: "Re: =?UTF-8?B?UmU6IOyViOuFlQ0KQmNjOiBhQGV4YW1wbGUudGVzdA==?=" },
      "subject",
      "invalid_characters",
    ],
    ["an encoded word in the name", { name: "=?utf-8?b?7ZmN6ri464+Z?=" }, "name", "encoded_words"],
    ["NUL in the city", { city: "Al\u0000bany" }, "city", "invalid_characters"],
    ["CR in the email", { email: "a@example.test\rBcc: b@example.test" }, "email", "invalid_characters"],
    ["a missing city", { city: "" }, "city", "required"],
    ["a US writer without a state", { region: undefined }, "region", "required"],
    ["an unknown country", { country: "ZZ" }, "country", "invalid_country"],
    ["an unsupported letter language", { language: "fr" }, "language", "invalid_language"],
    ["a string where a boolean belongs", { alsoSign: "yes" }, "alsoSign", "invalid_boolean"],
  ])("rejects %s with 422 and a code for the field", async (_label, change, field, code) => {
    const campaign = await campaignWithTopics();
    const res = await send(campaign.slug, { ...letter(), ...change });
    expect(res.status).toBe(422);
    const json = await res.json();
    expect(json.error.code).toBe("validation_failed");
    expect(json.error.fields[field]).toMatchObject({ code, message: expect.any(String) });
    expect(await prisma.letter.count({ where: { campaignId: campaign.id } })).toBe(0);
    expect(await messagesFor(campaign.id)).toHaveLength(0);
  });

  it.each([
    [
      "wrong content type",
      () =>
        new Request("http://localhost/x", { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" }),
      415,
      "unsupported_media_type",
    ],
    ["malformed JSON", () => jsonRequest("/x", "{ subject: "), 400, "invalid_json"],
    [
      "a body over 48 KiB",
      () => jsonRequest("/x", { ...letter(), body: "x".repeat(50_000) }),
      413,
      "payload_too_large",
    ],
    ["a JSON array", () => jsonRequest("/x", "[]"), 422, "validation_failed"],
  ])("rejects %s", async (_label, makeRequest, status, code) => {
    const campaign = await campaignWithTopics();
    const res = await POST(makeRequest(), params({ slug: campaign.slug }));
    expect(res.status).toBe(status);
    const json = await res.json();
    expect(json.error.code).toBe(code);
    expect(JSON.stringify(json)).not.toMatch(/at .*\.ts|stack|SELECT|INSERT/);
  });

  it("takes a long Korean letter that is over the signature endpoint's 16 KiB", async () => {
    const campaign = await campaignWithTopics();
    const res = await send(
      campaign.slug,
      letter({
        body: "대통령님께\n\n" + "가".repeat(4900),
        language: "ko",
        country: "KR",
        region: "11",
        postalCode: "03154",
        city: "종로구",
      }),
    );
    expect(res.status).toBe(202);
  });

  it("answers 404 for an unknown campaign, a draft, and a closed one", async () => {
    const draft = await campaignWithTopics({ status: "draft" });
    const closed = await campaignWithTopics({ status: "closed" });
    for (const [slug, code] of [
      ["no-such-campaign", "campaign_not_found"],
      [draft.slug, "campaign_not_found"],
      [closed.slug, "campaign_closed"],
    ] as const) {
      const res = await send(slug, letter());
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe(code);
    }
    expect(await prisma.letter.count({ where: { campaignId: { in: [draft.id, closed.id] } } })).toBe(0);
  });
});

describe("confirming a letter", () => {
  it("confirms once, and only through the token; describing the link changes nothing", async () => {
    const campaign = await campaignWithTopics();
    const input = letter();
    await send(campaign.slug, input);
    const token = await tokenOf(campaign.id, input.email);
    expect(await describeLetterConfirmLink(token, "en")).toMatchObject({
      campaignSlug: campaign.slug,
      status: "pending",
    });
    expect((await prisma.letter.findFirstOrThrow({ where: { campaignId: campaign.id } })).status).toBe("pending");
    expect(await confirmLetter("nope")).toEqual({ status: "invalid" });

    const first = await confirmLetter(token);
    expect(first).toEqual({ status: "confirmed", campaignId: campaign.id, signed: false, leavesAt: expect.any(Date) });
    // Confirming again names the same moment: the hold runs from the first confirmation.
    expect(await confirmLetter(token)).toEqual({ ...first, status: "already_confirmed" });
    const row = await prisma.letter.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect(row.status).toBe("confirmed");
    expect(row.confirmedAt).toBeInstanceOf(Date);
    // Without "count me as a signer", no signature appears.
    expect(await prisma.signature.count({ where: { campaignId: campaign.id } })).toBe(0);
    expect((await signatureCountFor(campaign.slug))!.confirmed).toBe(0);
  });

  it("refuses an expired link", async () => {
    const campaign = await campaignWithTopics();
    const input = letter();
    await send(campaign.slug, input);
    const token = await tokenOf(campaign.id, input.email);
    advanceClock(env.CONFIRMATION_TTL_HOURS * 3_600_000 + 60_000);
    expect(await describeLetterConfirmLink(token, "en")).toBeNull();
    expect(await confirmLetter(token)).toEqual({ status: "invalid" });
  });

  it("with alsoSign records one confirmed signature and counts it once, even when confirmed twice", async () => {
    const campaign = await campaignWithTopics();
    const input = letter({ alsoSign: true });
    await send(campaign.slug, input);
    const token = await tokenOf(campaign.id, input.email);
    expect(await confirmLetter(token)).toMatchObject({ status: "confirmed", signed: true });
    expect(await confirmLetter(token)).toMatchObject({ status: "already_confirmed", signed: false });
    const signatures = await prisma.signature.findMany({ where: { campaignId: campaign.id } });
    expect(signatures).toHaveLength(1);
    expect(signatures[0]).toMatchObject({
      status: "confirmed",
      name: "Jane Writer",
      country: "US",
      region: "NY",
      showName: false,
    });
    expect((await signatureCountFor(campaign.slug))!.confirmed).toBe(1);
  });

  it("with alsoSign does not count a writer who had already signed and confirmed", async () => {
    const campaign = await campaignWithTopics();
    const input = letter({ alsoSign: true });
    await pool.query(
      `INSERT INTO signature (id, campaign_id, email, email_key, name, country, locale, status, confirmed_at) VALUES ($1, $2, $3, $4, 'Earlier', 'US', 'en', 'confirmed', now())`,
      [randomUUID(), campaign.id, input.email, input.email.toLowerCase()],
    );
    await pool.query(`INSERT INTO campaign_count_shard (campaign_id, shard, confirmed) VALUES ($1, 0, 1)`, [
      campaign.id,
    ]);
    await send(campaign.slug, input);
    expect(await confirmLetter(await tokenOf(campaign.id, input.email))).toMatchObject({
      status: "confirmed",
      signed: false,
    });
    expect(await prisma.signature.count({ where: { campaignId: campaign.id } })).toBe(1);
    expect((await prisma.signature.findFirstOrThrow({ where: { campaignId: campaign.id } })).name).toBe("Earlier");
    expect((await signatureCountFor(campaign.slug))!.confirmed).toBe(1);
  });
});

describe("withdrawing a letter", () => {
  it("scrubs a pending letter's text and personal details, keeps status and topics, and cancels its unsent mail", async () => {
    const campaign = await campaignWithTopics();
    const input = letter();
    await send(campaign.slug, input);
    const row = await prisma.letter.findFirstOrThrow({ where: { campaignId: campaign.id } });
    const token = letterWithdrawToken(row.id);
    expect(await describeLetterWithdrawLink(token, "ko")).toMatchObject({
      campaignTitle: expect.stringContaining("시험 캠페인"),
      status: "pending",
    });
    // A signature's withdraw token is not a letter's, and only the exact link works: nothing may follow it.
    expect(await withdrawLetter(withdrawToken(row.id))).toEqual({ status: "invalid" });
    for (const extended of [`${token}x`, `${token}.x`, `${token}=`]) {
      expect(await describeLetterWithdrawLink(extended, "ko"), extended).toBeNull();
      expect(await withdrawLetter(extended), extended).toEqual({ status: "invalid" });
    }

    expect(await withdrawLetter(token)).toEqual({ status: "withdrawn", campaignId: campaign.id });
    const after = await prisma.letter.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({
      status: "withdrawn",
      email: null,
      emailKey: null,
      name: "",
      street: null,
      city: null,
      region: null,
      postalCode: null,
      country: "ZZ",
      subject: "",
      body: "",
      writerRole: null,
      ipHash: null,
      confirmTokenHash: null,
    });
    expect(after.withdrawnAt).toBeInstanceOf(Date);
    expect(JSON.stringify(after)).not.toMatch(/Jane|Albany|writer-|students/);
    expect(await topicCounts(campaign.id)).toEqual({ families: 1, movement: 0, "prison-camps": 1 });
    const [message] = await messagesFor(campaign.id);
    expect(message).toMatchObject({ status: "cancelled", to: "", payload: {} });
    expect(await renderLetterMessage(message!, letterAsDelivered)).toBeNull();

    expect(await withdrawLetter(token)).toEqual({ status: "invalid" });
    expect(await describeLetterWithdrawLink(token, "en")).toBeNull();
    // The address is free again: the person may write anew.
    expect((await send(campaign.slug, input)).status).toBe(202);
    expect(await prisma.letter.count({ where: { campaignId: campaign.id, status: "pending" } })).toBe(1);
  });

  it("withdraws a confirmed letter and the signature its confirmation recorded", async () => {
    const campaign = await campaignWithTopics();
    const input = letter({ alsoSign: true });
    await send(campaign.slug, input);
    await confirmLetter(await tokenOf(campaign.id, input.email));
    expect((await signatureCountFor(campaign.slug))!.confirmed).toBe(1);
    const row = await prisma.letter.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect(await withdrawLetter(letterWithdrawToken(row.id))).toMatchObject({ status: "withdrawn" });
    expect(await prisma.signature.count({ where: { campaignId: campaign.id } })).toBe(0);
    expect((await signatureCountFor(campaign.slug))!.confirmed).toBe(0);
  });

  it("leaves no email event holding the address when the signature the letter confirmed had been emailed before", async () => {
    // The writer signed first: a pending signature, whose confirmation email the relay answered quoting the address.
    const campaign = await campaignWithTopics();
    const input = letter({ alsoSign: true });
    await signPetition(campaign.slug, signatureInput.parse(signer({ email: input.email, name: input.name })));
    const { rows: mail } = await pool.query<{ id: string }>(
      `SELECT m.id FROM outbox_message m JOIN signature s ON s.id = m.signature_id WHERE s.campaign_id = $1`,
      [campaign.id],
    );
    expect(mail).toHaveLength(1);
    await pool.query(`INSERT INTO outbox_event (message_id, status, attempt, detail) VALUES ($1, 'sent', 1, $2)`, [
      mail[0]!.id,
      `250 2.0.0 <${input.email.toUpperCase()}> accepted`,
    ]);
    // Then wrote a letter asking to be counted: its confirmation confirms that same signature.
    await send(campaign.slug, input);
    expect(await confirmLetter(await tokenOf(campaign.id, input.email))).toMatchObject({ signed: true });
    expect((await signatureCountFor(campaign.slug))!.confirmed).toBe(1);

    const row = await prisma.letter.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect(await withdrawLetter(letterWithdrawToken(row.id))).toMatchObject({ status: "withdrawn" });
    expect(await prisma.signature.count({ where: { campaignId: campaign.id } })).toBe(0);
    expect((await signatureCountFor(campaign.slug))!.confirmed).toBe(0);
    const { rows: traces } = await pool.query(
      `SELECT 'event' AS what FROM outbox_event e WHERE e::text ILIKE $1
       UNION ALL SELECT 'message' FROM outbox_message m WHERE m::text ILIKE $1`,
      [`%${input.email}%`],
    );
    expect(traces).toEqual([]);
    // The history itself stays (what happened, when), without the detail.
    const { rows: history } = await pool.query(`SELECT status::text, detail FROM outbox_event WHERE message_id = $1`, [
      mail[0]!.id,
    ]);
    expect(history).toEqual([{ status: "sent", detail: null }]);
  });

  it("answers that a queued letter is on its way, and keeps it", async () => {
    const campaign = await campaignWithTopics();
    await send(campaign.slug, letter());
    const row = await prisma.letter.findFirstOrThrow({ where: { campaignId: campaign.id } });
    await pool.query(`UPDATE letter SET status = 'queued' WHERE id = $1`, [row.id]);
    expect(await withdrawLetter(letterWithdrawToken(row.id))).toEqual({
      status: "on_its_way",
      campaignId: campaign.id,
    });
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "queued", body });
  });

  it("answers that a delivered letter cannot be called back, and erases our copy of it", async () => {
    const campaign = await campaignWithTopics();
    const input = letter();
    await send(campaign.slug, input);
    const row = await prisma.letter.findFirstOrThrow({ where: { campaignId: campaign.id } });
    await pool.query(`UPDATE letter SET status = 'delivered' WHERE id = $1`, [row.id]);
    expect(await withdrawLetter(letterWithdrawToken(row.id))).toEqual({ status: "delivered", campaignId: campaign.id });
    expect(await prisma.letter.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "delivered",
      body: "",
      email: null,
      name: "",
    });
  });
});
