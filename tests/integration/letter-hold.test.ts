// The cooling-off period: a confirmed letter waits its campaign's hold before the delivery tick takes it, the writer
// is told when it leaves and can withdraw it until then; after delivery the withdraw pages say what already reached
// the target and withdrawing erases our copy. The clock moves; nothing waits. Deliveries go to a real SMTP sink.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SmtpSink } from "./smtp-sink";

const sink = new SmtpSink();
const hour = 3_600_000;

let m: {
  clock: typeof import("@/lib/infra/clock");
  db: typeof import("@/lib/infra/db");
  boss: typeof import("@/lib/infra/queue/boss");
  transport: typeof import("@/lib/infra/mail/transport");
  route: typeof import("@/app/api/campaigns/[slug]/letters/route");
  confirm: typeof import("@/lib/letters/confirm-letter");
  describeLetter: typeof import("@/lib/letters/describe-letter-link");
  withdraw: typeof import("@/lib/letters/withdraw-letter");
  links: typeof import("@/lib/letters/links");
  schedule: typeof import("@/lib/delivery/schedule-deliveries");
  deliver: typeof import("@/lib/worker/deliver-outbox-message");
  renderMail: typeof import("@/lib/letters/render-letter-mail");
  asDelivered: typeof import("@/lib/delivery/letter-as-delivered");
  sign: typeof import("@/lib/signatures/sign-petition");
  signSchema: typeof import("@/lib/signatures/schema");
  confirmSignature: typeof import("@/lib/signatures/confirm-signature");
  describeSignature: typeof import("@/lib/signatures/describe-link");
  signatureLinks: typeof import("@/lib/signatures/links");
  messages: typeof import("@/lib/infra/i18n/messages");
  signatureCount: typeof import("@/lib/campaigns/signature-count");
  withdrawSignature: typeof import("@/lib/signatures/withdraw-signature");
  moment: typeof import("@/lib/infra/i18n/format-moment");
  helpers: typeof import("./helpers");
};

beforeAll(async () => {
  const port = await sink.start();
  Object.assign(process.env, { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port), SMTP_SECURE: "false" });
  m = {
    clock: await import("@/lib/infra/clock"),
    db: await import("@/lib/infra/db"),
    boss: await import("@/lib/infra/queue/boss"),
    transport: await import("@/lib/infra/mail/transport"),
    route: await import("@/app/api/campaigns/[slug]/letters/route"),
    confirm: await import("@/lib/letters/confirm-letter"),
    describeLetter: await import("@/lib/letters/describe-letter-link"),
    withdraw: await import("@/lib/letters/withdraw-letter"),
    links: await import("@/lib/letters/links"),
    schedule: await import("@/lib/delivery/schedule-deliveries"),
    deliver: await import("@/lib/worker/deliver-outbox-message"),
    renderMail: await import("@/lib/letters/render-letter-mail"),
    asDelivered: await import("@/lib/delivery/letter-as-delivered"),
    sign: await import("@/lib/signatures/sign-petition"),
    signSchema: await import("@/lib/signatures/schema"),
    confirmSignature: await import("@/lib/signatures/confirm-signature"),
    describeSignature: await import("@/lib/signatures/describe-link"),
    signatureLinks: await import("@/lib/signatures/links"),
    messages: await import("@/lib/infra/i18n/messages"),
    signatureCount: await import("@/lib/campaigns/signature-count"),
    withdrawSignature: await import("@/lib/signatures/withdraw-signature"),
    moment: await import("@/lib/infra/i18n/format-moment"),
    helpers: await import("./helpers"),
  };
});

afterAll(async () => {
  await m.boss.stopBoss();
  m.transport.closeMailTransport();
  await m.db.closeDb();
  await sink.stop();
}, 60_000);

beforeEach(() => sink.reset());
afterEach(() => m.clock.resetClock());

const attempt = { retryCount: 0, retryLimit: 3 };

async function campaignHolding(hours: number | null) {
  const campaign = await m.helpers.campaignWithTopics();
  return m.db.prisma.campaign.update({
    where: { id: campaign.id },
    data: { senderEmail: "Test Coalition <letters@coalition.example.test>", letterHoldHours: hours },
  });
}

/** Writes a letter through the public API; returns its id and the outbox id and token of its confirmation email. */
async function write(slug: string) {
  const email = `hold-${randomUUID().slice(0, 8)}@example.test`;
  const res = await m.route.POST(
    m.helpers.jsonRequest(`/api/campaigns/${slug}/letters`, {
      topics: ["prison-camps"],
      subject: "Please raise the camps",
      body: "Dear Mr. President,\n\nPlease raise the prison camps at the summit. They hold tens of thousands.\n\nSincerely,",
      language: "en",
      name: "Hold Writer",
      email,
      city: "Albany",
      region: "NY",
      country: "US",
      formToken: m.helpers.formToken("letter"),
    }),
    m.helpers.params({ slug }),
  );
  expect(res.status).toBe(202);
  const { rows } = await m.db.pool.query<{ id: string; outbox_id: string; token: string }>(
    `SELECT l.id, o.id AS outbox_id, o.payload->>'token' AS token
       FROM letter l JOIN outbox_message o ON o.letter_id = l.id WHERE l.email_key = $1`,
    [email],
  );
  return rows[0]!;
}

/** Runs the delivery tick and sends what it queued for this campaign; returns what reached the target. */
async function tick(campaignId: string) {
  await m.schedule.scheduleDeliveries();
  const { rows } = await m.db.pool.query<{ id: string }>(
    `SELECT id FROM outbox_message WHERE campaign_id = $1 AND kind LIKE 'delivery.%' AND status = 'pending'`,
    [campaignId],
  );
  for (const { id } of rows) expect(await m.deliver.deliverOutboxMessage(id, attempt)).toBe("sent");
  return sink.received.filter((r) => r.to === "target@example.test");
}

describe("a confirmed letter's cooling-off hold", () => {
  it("waits the campaign's hours, says when it leaves, and can be withdrawn until then", async () => {
    const campaign = await campaignHolding(24);
    const letter = await write(campaign.slug);

    // The confirmation email says how long the letter will wait.
    const mail = (await m.renderMail.renderLetterMessage(
      (await m.db.pool.query(`SELECT * FROM outbox_message WHERE id = $1`, [letter.outbox_id])).rows[0],
      m.asDelivered.letterAsDelivered,
    ))!;
    expect(mail.text).toContain("your letter waits 24 hours before it leaves for the recipient");

    const confirmedAt = m.clock.now();
    const confirmed = await m.confirm.confirmLetter(letter.token);
    expect(confirmed).toMatchObject({ status: "confirmed" });
    const leavesAt = (confirmed as { leavesAt: Date }).leavesAt;
    expect(Math.abs(leavesAt.getTime() - (confirmedAt.getTime() + 24 * hour))).toBeLessThan(5_000);

    // The confirm and withdraw pages say the same moment.
    const described = (await m.describeLetter.describeLetterWithdrawLink(
      m.links.letterWithdrawToken(letter.id),
      "en",
    ))!;
    expect(described).toMatchObject({ status: "confirmed", leavesAt, holdHours: 24, targetName: "The Target" });

    // Nothing leaves before the hold is over, not even a minute before.
    expect(await tick(campaign.id)).toEqual([]);
    m.clock.advanceClock(24 * hour - 60_000);
    expect(await tick(campaign.id)).toEqual([]);

    // Withdrawn a minute before it would have left: it never leaves.
    expect(await m.withdraw.withdrawLetter(m.links.letterWithdrawToken(letter.id))).toMatchObject({
      status: "withdrawn",
    });
    m.clock.advanceClock(2 * hour);
    expect(await tick(campaign.id)).toEqual([]);
  });

  it("leaves once the hold is over; then the withdraw link says what reached the target and erases our copy", async () => {
    const campaign = await campaignHolding(2);
    const letter = await write(campaign.slug);
    await m.confirm.confirmLetter(letter.token);
    m.clock.advanceClock(2 * hour + 60_000);
    const delivered = await tick(campaign.id);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.text).toContain("Please raise the prison camps at the summit.");

    const token = m.links.letterWithdrawToken(letter.id);
    const after = (await m.describeLetter.describeLetterWithdrawLink(token, "en"))!;
    expect(after).toMatchObject({ status: "delivered", erased: false, replyConsent: false, appearance: "full" });
    expect(after.deliveredAt).toBeInstanceOf(Date);
    // What the page says, plainly: it reached the target, without the writer's address (no reply consent).
    const t = m.messages.translator("en", "letterWithdraw");
    const date = m.moment.formatDay(after.deliveredAt!, "en");
    expect(
      t("delivered", {
        target: after.targetName,
        date,
        appearance: after.appearance,
        reply: String(after.replyConsent),
      }),
    ).toBe(
      `Your letter reached The Target on ${date}: its subject and text, your name, city, region and country. That cannot be called back.`,
    );

    expect(await m.withdraw.withdrawLetter(token)).toMatchObject({ status: "delivered" });
    const { rows } = await m.db.pool.query(`SELECT status::text, email, name, body FROM letter WHERE id = $1`, [
      letter.id,
    ]);
    expect(rows).toEqual([{ status: "delivered", email: null, name: "", body: "" }]);
    expect(await m.describeLetter.describeLetterWithdrawLink(token, "en")).toMatchObject({ erased: true });
  });

  it("uses LETTER_HOLD_HOURS when the campaign sets none (0 in these tests: the next tick)", async () => {
    const campaign = await campaignHolding(null);
    const letter = await write(campaign.slug);
    const confirmed = await m.confirm.confirmLetter(letter.token);
    expect(confirmed).toMatchObject({ status: "confirmed" });
    expect(await tick(campaign.id)).toHaveLength(1);
  });
});

describe("a signature already sent in a digest", () => {
  it("its withdraw link names the digest's date, and withdrawing still takes it off the count", async () => {
    const campaign = await campaignHolding(24);
    const input = m.signSchema.signatureInput.parse(m.helpers.signer());
    await m.sign.signPetition(campaign.slug, input, { ip: "198.51.100.7" });
    const { rows } = await m.db.pool.query<{ id: string; token: string }>(
      `SELECT s.id, o.payload->>'token' AS token FROM signature s JOIN outbox_message o ON o.signature_id = s.id
        WHERE s.email_key = $1`,
      [input.email.toLowerCase()],
    );
    const { id, token } = rows[0]!;
    expect((await m.confirmSignature.confirmSignature(token)).status).toBe("confirmed");
    const withdrawToken = m.signatureLinks.withdrawToken(id);
    expect(await m.describeSignature.describeWithdrawLink(withdrawToken, "en")).toMatchObject({
      sentInDigestAt: null,
    });

    // Signatures have no hold: the next digest carries it.
    expect(await tick(campaign.id)).toHaveLength(1);
    const described = (await m.describeSignature.describeWithdrawLink(withdrawToken, "en"))!;
    expect(described.sentInDigestAt).toBeInstanceOf(Date);
    const date = m.moment.formatDay(described.sentInDigestAt!, "en");
    expect(m.messages.translator("en", "withdraw")("sentInDigest", { target: described.targetName, date })).toContain(
      `Your signature was included in the digest sent to The Target on ${date}.`,
    );
    expect(await m.signatureCount.signatureCountFor(campaign.slug)).toMatchObject({ confirmed: 1 });
    expect(await m.withdrawSignature.withdrawSignature(withdrawToken)).toMatchObject({ status: "withdrawn" });
    expect(await m.signatureCount.signatureCountFor(campaign.slug)).toMatchObject({ confirmed: 0 });
  });
});

describe("the moment a letter leaves, as each reader reads it", () => {
  it("names its time zone in both languages", () => {
    const at = new Date("2026-12-04T12:40:00Z");
    expect(m.moment.formatMoment(at, "en")).toBe("December 4, 2026 at 12:40 PM UTC");
    expect(m.moment.formatMoment(at, "ko")).toBe("2026년 12월 4일 21:40 한국 표준시");
  });
});
