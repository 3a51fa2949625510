// Nothing is stranded: against a real SMTP server that refuses with 550 and then accepts. A failed delivery keeps its
// letters and signers (shown as undelivered, never queued); Retry now sends the same items under the same
// Message-ID to the target's current address; a target address change reroutes failed and waiting deliveries;
// Cancel gives up for good. Also: the preview and the test send are the real message, the envelope sender is always
// ours, campaign senders are one mailbox on an allowed domain, and a signer's refused confirmation is listed by person.
import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { smtpSinkForFile } from "./smtp-sink";

const sink = smtpSinkForFile({
  MAIL_SENDER_DOMAINS: "coalition.example.test, example.test",
  DELIVERY_SEND_ATTEMPTS: "5",
});

let m: {
  db: typeof import("@/lib/infra/db");
  schedule: typeof import("@/lib/delivery/schedule-deliveries");
  deliver: typeof import("@/lib/worker/deliver-outbox-message");
  list: typeof import("@/lib/delivery/list-deliveries");
  retry: typeof import("@/lib/delivery/retry-delivery");
  cancel: typeof import("@/lib/delivery/cancel-delivery");
  preview: typeof import("@/lib/delivery/preview-next-delivery");
  plan: typeof import("@/lib/delivery/delivery-plan");
  test: typeof import("@/lib/delivery/send-test-delivery");
  counts: typeof import("@/lib/organizers/campaigns/campaign-counts");
  save: typeof import("@/lib/organizers/campaigns/save-campaign");
  validate: typeof import("@/lib/organizers/campaigns/validate-campaign");
  refused: typeof import("@/lib/organizers/signers/list-refused-emails");
  scope: typeof import("@/lib/organizers/scope");
  helpers: typeof import("./helpers");
  organizers: typeof import("./organizer-helpers");
};

beforeAll(async () => {
  m = {
    db: await import("@/lib/infra/db"),
    schedule: await import("@/lib/delivery/schedule-deliveries"),
    deliver: await import("@/lib/worker/deliver-outbox-message"),
    list: await import("@/lib/delivery/list-deliveries"),
    retry: await import("@/lib/delivery/retry-delivery"),
    cancel: await import("@/lib/delivery/cancel-delivery"),
    preview: await import("@/lib/delivery/preview-next-delivery"),
    plan: await import("@/lib/delivery/delivery-plan"),
    test: await import("@/lib/delivery/send-test-delivery"),
    counts: await import("@/lib/organizers/campaigns/campaign-counts"),
    save: await import("@/lib/organizers/campaigns/save-campaign"),
    validate: await import("@/lib/organizers/campaigns/validate-campaign"),
    refused: await import("@/lib/organizers/signers/list-refused-emails"),
    scope: await import("@/lib/organizers/scope"),
    helpers: await import("./helpers"),
    organizers: await import("./organizer-helpers"),
  };
});

/** A campaign of its own, with its own target address, and an editor of its organization. */
async function setUp(plan: { letterDelivery?: "individual" | "digest" } = {}) {
  const base = await m.helpers.createCampaign();
  const target = `target-${base.id.slice(0, 8)}@example.test`;
  const campaign = await m.db.prisma.campaign.update({
    where: { id: base.id },
    data: {
      senderEmail: "Test Coalition <letters@coalition.example.test>",
      throttlePerMinute: 100,
      targetEmail: target,
      ...plan,
    },
  });
  const organizer = await m.organizers.createOrganizer(campaign.organizationId, "editor");
  const scope = m.scope.scopeFor({
    ...organizer,
    name: "Editor",
    organizationId: campaign.organizationId,
    organizationName: "Org",
    role: "editor",
  });
  return { campaign, target, scope, organizer };
}

async function confirmedLetters(campaignId: string, count: number, replyConsent = false) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    await m.db.pool.query(
      `INSERT INTO letter (id, campaign_id, email, email_key, name, city, region, country, subject, body, language, locale, status, confirmed_at, appearance, reply_consent)
       VALUES ($1, $2, $3, $3, $4, 'Springfield', 'IL', 'US', $5, 'Dear target,\n\nPlease act.', 'en', 'en', 'confirmed', now() - interval '1 hour' + make_interval(secs => $6), 'full', $7)`,
      [
        id,
        campaignId,
        `writer-${id.slice(0, 8)}@example.test`,
        `Writer ${i + 1}`,
        `Please act (${i + 1})`,
        i,
        replyConsent,
      ],
    );
    ids.push(id);
  }
  return ids;
}

async function confirmedSignatures(campaignId: string, names: string[]) {
  for (const [i, name] of names.entries()) {
    await m.db.pool.query(
      `INSERT INTO signature (id, campaign_id, email, email_key, name, country, region, locale, status, confirmed_at, appearance)
       VALUES ($1, $2, $3, $3, $4, 'US', 'NY', 'en', 'confirmed', now() - interval '1 hour' + make_interval(secs => $5), 'full')`,
      [randomUUID(), campaignId, `s-${randomUUID().slice(0, 8)}@example.test`, name, i],
    );
    await m.db.pool.query(
      `INSERT INTO campaign_count_shard (campaign_id, shard, confirmed) VALUES ($1, 0, 1)
       ON CONFLICT (campaign_id, shard) DO UPDATE SET confirmed = campaign_count_shard.confirmed + 1`,
      [campaignId],
    );
  }
}

async function deliveriesOf(campaignId: string) {
  const { rows } = await m.db.pool.query<{
    id: string;
    kind: string;
    status: string;
    message_id: string;
    to: string;
  }>(
    `SELECT id, kind, status::text, message_id, "to" FROM outbox_message
      WHERE campaign_id = $1 AND kind LIKE 'delivery.%' AND kind <> 'delivery.test' ORDER BY created_at, message_id`,
    [campaignId],
  );
  return rows;
}

async function sendPending(campaignId: string) {
  for (const d of await deliveriesOf(campaignId))
    if (d.status === "pending") await m.deliver.deliverOutboxMessage(d.id, { retryCount: 0, retryLimit: 4 });
}

const letterState = async (ids: string[]) =>
  (
    await m.db.pool.query<{ id: string; status: string; delivery_message_id: string | null }>(
      `SELECT id, status::text, delivery_message_id FROM letter WHERE id = ANY($1::uuid[]) ORDER BY confirmed_at`,
      [ids],
    )
  ).rows;

const lettersShown = async (campaignId: string) =>
  (await m.counts.campaignCounts({ id: campaignId, goal: 1000 }, "en")).totals.letters;

describe("a letter refused with 550", () => {
  it("stays attached and shows as undelivered; Retry now after the relay accepts delivers it under the same Message-ID", async () => {
    const { campaign, target, scope } = await setUp();
    const ids = await confirmedLetters(campaign.id, 2);
    await m.schedule.scheduleDeliveries();
    const [first] = await deliveriesOf(campaign.id);
    sink.plan(target, 550);
    await sendPending(campaign.id);

    const failed = (await deliveriesOf(campaign.id)).find((d) => d.status === "failed")!;
    expect(failed.id).toBe(first!.id);
    // Nothing is stranded: the letter still names its delivery, and organizers see it as undelivered, not queued.
    const states = await letterState(ids);
    expect(states.find((l) => l.delivery_message_id === failed.id)?.status).toBe("queued");
    expect(states.filter((l) => l.delivery_message_id !== failed.id).map((l) => l.status)).toEqual(["delivered"]);
    expect(await lettersShown(campaign.id)).toEqual({ undelivered: 1, delivered: 1 });
    const listed = (await m.list.listDeliveries(campaign.id)).find((d) => d.id === failed.id)!;
    expect(listed).toMatchObject({ status: "failed", carries: { letters: 1, signatures: 0 } });
    expect(listed.lastError).toMatch(/^550 5\.1\.1/);
    // The tick does not hand it to another delivery.
    await m.schedule.scheduleDeliveries();
    expect(await deliveriesOf(campaign.id)).toHaveLength(2);

    // The relay accepts again (no more planned refusals): Retry now.
    sink.reset();
    await m.retry.retryDelivery(scope, campaign.id, failed.id);
    await sendPending(campaign.id);
    expect(sink.received.map((r) => [r.messageId, r.to])).toEqual([[failed.message_id, target]]);
    expect((await letterState(ids)).map((l) => l.status)).toEqual(["delivered", "delivered"]);
    expect(await lettersShown(campaign.id)).toEqual({ delivered: 2 });
    const audit = await m.db.prisma.auditEvent.findMany({ where: { targetId: failed.id } });
    expect(audit.map((a) => [a.action, a.actorEmail])).toEqual([["delivery.retried", scope.organizer.email]]);
    const events = await m.db.prisma.outboxEvent.findMany({ where: { messageId: failed.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.status)).toEqual(["sending", "failed", "pending", "sending", "sent"]);
  });

  it("is refused a retry or cancel unless it failed: 409 for a sent one, 404 for another campaign's", async () => {
    const { campaign, scope } = await setUp();
    await confirmedLetters(campaign.id, 1);
    await m.schedule.scheduleDeliveries();
    await sendPending(campaign.id);
    const [sent] = await deliveriesOf(campaign.id);
    await expect(m.retry.retryDelivery(scope, campaign.id, sent!.id)).rejects.toMatchObject({ code: "conflict" });
    await expect(m.cancel.cancelDelivery(scope, campaign.id, sent!.id)).rejects.toMatchObject({ code: "conflict" });
    const other = await setUp();
    await expect(m.retry.retryDelivery(other.scope, campaign.id, sent!.id)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(m.retry.retryDelivery(other.scope, other.campaign.id, sent!.id)).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await deliveriesOf(campaign.id))[0]!.status).toBe("sent");
  });

  it("Cancel gives up for good: never sent, its letter shown as undelivered, and audited", async () => {
    const { campaign, target, scope } = await setUp();
    const ids = await confirmedLetters(campaign.id, 1);
    await m.schedule.scheduleDeliveries();
    sink.plan(target, 550);
    await sendPending(campaign.id);
    const [failed] = await deliveriesOf(campaign.id);
    await m.cancel.cancelDelivery(scope, campaign.id, failed!.id);
    expect((await deliveriesOf(campaign.id))[0]!.status).toBe("cancelled");
    await expect(m.retry.retryDelivery(scope, campaign.id, failed!.id)).rejects.toMatchObject({ code: "conflict" });
    await m.schedule.scheduleDeliveries();
    await sendPending(campaign.id);
    expect(sink.received).toHaveLength(0);
    expect((await letterState(ids))[0]!.delivery_message_id).toBe(failed!.id);
    expect(await lettersShown(campaign.id)).toEqual({ undelivered: 1 });
    const audit = await m.db.prisma.auditEvent.findMany({ where: { targetId: failed!.id } });
    expect(audit.map((a) => a.action)).toEqual(["delivery.cancelled"]);
  });
});

describe("a digest refused with 550", () => {
  it("keeps its signers; new signers go in the next digest; Retry now sends the same signers under the same Message-ID", async () => {
    const { campaign, target, scope } = await setUp({ letterDelivery: "digest" });
    await confirmedSignatures(campaign.id, ["Ada Lovelace", "Grace Hopper"]);
    await m.schedule.scheduleDeliveries();
    sink.plan(target, 550);
    await sendPending(campaign.id);
    const [failed] = await deliveriesOf(campaign.id);
    expect(failed!.status).toBe("failed");
    const attached = await m.db.prisma.signature.count({
      where: { campaignId: campaign.id, deliveryMessageId: failed!.id },
    });
    expect(attached).toBe(2);

    // A signer who confirms after the failure goes with the next digest, not the failed one.
    await confirmedSignatures(campaign.id, ["Katherine Johnson"]);
    // The next digest is due: each target keeps its own digest schedule.
    await m.db.prisma.campaignTarget.updateMany({
      where: { campaignId: campaign.id },
      data: { lastScheduledAt: new Date(0) },
    });
    await m.schedule.scheduleDeliveries();
    await sendPending(campaign.id);
    expect(sink.received.map((r) => r.subject)).toEqual([expect.stringMatching(/1 new signature/)]);

    sink.reset();
    await m.retry.retryDelivery(scope, campaign.id, failed!.id);
    await sendPending(campaign.id);
    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0]!;
    expect(mail.messageId).toBe(failed!.message_id);
    const rows = parse(mail.attachments[0]!.content.toString("utf8").replace(/^\uFEFF/, "")) as string[][];
    expect(rows.slice(1).map((r) => r[0])).toEqual(["Ada Lovelace", "Grace Hopper"]);
    expect((await deliveriesOf(campaign.id)).map((d) => d.status)).toEqual(["sent", "sent"]);
  });
});

describe("a changed target address", () => {
  it("reroutes failed and waiting deliveries; sent ones keep the address they went to", async () => {
    const { campaign, target, scope } = await setUp();
    await confirmedLetters(campaign.id, 3);
    await m.schedule.scheduleDeliveries();
    const [a, b, c] = await deliveriesOf(campaign.id);
    sink.plan(target, 550);
    await m.deliver.deliverOutboxMessage(a!.id, { retryCount: 0, retryLimit: 4 }); // refused for good
    await m.deliver.deliverOutboxMessage(b!.id, { retryCount: 0, retryLimit: 4 }); // delivered
    // c waits for its turn.

    const newTarget = `new-${target}`;
    const edited = m.validate.validateCampaign({
      ...m.organizers.validCampaign(campaign.slug),
      senderEmail: "Test Coalition <letters@coalition.example.test>",
      targetEmail: newTarget,
      throttlePerMinute: 100,
    });
    await m.save.updateCampaign(scope, campaign.id, edited);
    expect(Object.fromEntries((await deliveriesOf(campaign.id)).map((d) => [d.id, [d.status, d.to]]))).toEqual({
      [a!.id]: ["failed", newTarget],
      [b!.id]: ["sent", target],
      [c!.id]: ["pending", newTarget],
    });

    sink.reset();
    await m.retry.retryDelivery(scope, campaign.id, a!.id);
    await sendPending(campaign.id);
    expect(sink.received.map((r) => [r.messageId, r.to]).sort()).toEqual(
      [
        [a!.message_id, newTarget],
        [c!.message_id, newTarget],
      ].sort(),
    );
    expect((await m.plan.deliveryPlan(campaign.id)).target).toBe(newTarget);
  });
});

describe("the preview and the test send", () => {
  it("previews the next digest exactly as the SMTP server then receives it", async () => {
    const { campaign, target } = await setUp({ letterDelivery: "digest" });
    await confirmedSignatures(campaign.id, ["Ada Lovelace"]);
    await confirmedLetters(campaign.id, 1);
    const plan = await m.plan.deliveryPlan(campaign.id);
    expect(plan).toMatchObject({ target, waiting: { signatures: 1, digestLetters: 1 } });
    expect(plan.nextDigestAt).not.toBeNull();
    const { digest } = await m.preview.previewNextDeliveries(campaign.id);

    await m.schedule.scheduleDeliveries();
    await sendPending(campaign.id);
    const mail = sink.received.find((r) => r.to === target)!;
    expect(mail.subject).toBe(digest!.content.subject);
    expect(mail.text).toBe(digest!.content.text);
    expect(mail.from).toMatch(/^"?Test Coalition"? <letters@coalition\.example\.test>$/);
    expect(digest!.content.from).toBe("Test Coalition <letters@coalition.example.test>");
    expect(mail.attachments.map((a) => a.filename)).toEqual(digest!.content.attachments!.map((a) => a.filename));
    // Nothing waits any more.
    expect((await m.preview.previewNextDeliveries(campaign.id)).digest).toBeNull();
  });

  it("sends a test of the next letter to the organizer only, marked as a test, through the outbox", async () => {
    const { campaign, target, scope, organizer } = await setUp();
    await confirmedLetters(campaign.id, 1, true);
    const { letter } = await m.preview.previewNextDeliveries(campaign.id);
    const queued = await m.test.sendTestDelivery(scope, campaign.id, "letter");
    expect(queued.to).toBe(organizer.email);
    await m.deliver.deliverOutboxMessage(queued.id, { retryCount: 0, retryLimit: 4 });
    expect(sink.received.map((r) => r.to)).toEqual([organizer.email]);
    const mail = sink.received[0]!;
    expect(mail.subject).toBe(`[TEST] ${letter!.content.subject}`);
    expect(mail.text.startsWith("TEST: this is a test sent only to you")).toBe(true);
    expect(mail.text).toContain(letter!.content.text.trim());
    expect(mail.raw.toString()).toMatch(/^X-Open-Letters-Test: yes/m);
    // The target got nothing, and the letter is still waiting for its real delivery.
    expect(sink.received.some((r) => r.to === target)).toBe(false);
    expect(await deliveriesOf(campaign.id)).toHaveLength(0);
    expect((await m.db.prisma.auditEvent.findMany({ where: { targetId: queued.id } })).map((a) => a.action)).toEqual([
      "delivery.test_sent",
    ]);
  });
});

describe("senders", () => {
  it("sends every delivery with our envelope sender, never the campaign's or a writer's", async () => {
    const { campaign, target } = await setUp();
    const [id] = await confirmedLetters(campaign.id, 1, true);
    await m.schedule.scheduleDeliveries();
    await sendPending(campaign.id);
    const mail = sink.received.find((r) => r.to === target)!;
    // The writer asked for replies: they are the Reply-To, never the envelope sender.
    expect(mail.replyTo).toContain(`writer-${id!.slice(0, 8)}@example.test`);
    expect(mail.mailFrom).toBe("no-reply@letters.example.test");
  });

  it.each([
    ["hello world", "invalid_sender"],
    ["a@coalition.example.test, b@coalition.example.test", "invalid_sender"],
    ["Name <a@coalition.example.test>, <b@coalition.example.test>", "invalid_sender"],
    ["president@whitehouse.gov", "sender_domain_not_allowed"],
    ["The President <president@whitehouse.gov>", "sender_domain_not_allowed"],
  ])("refuses the sender %j with %s, on the sender field", (senderEmail, code) => {
    const input = { ...m.organizers.validCampaign("sender-check"), senderEmail };
    expect(() => m.validate.validateCampaign(input)).toThrow(
      expect.objectContaining({ code: "validation_failed", fields: { senderEmail: { code, message: code } } }),
    );
  });

  it.each([
    "letters@coalition.example.test",
    "Coalition <letters@coalition.example.test>",
    '"Kim, Lee" <a@example.test>',
  ])("accepts the sender %j", (senderEmail) => {
    const input = { ...m.organizers.validCampaign("sender-check"), senderEmail };
    expect(m.validate.validateCampaign(input).senderEmail).toBe(senderEmail);
  });
});

describe("a signer's own email refused for good", () => {
  it("is listed by person for editors", async () => {
    const { campaign, scope } = await setUp();
    const signatureId = randomUUID();
    const email = `refused-${signatureId.slice(0, 8)}@example.test`;
    await m.db.pool.query(
      `INSERT INTO signature (id, campaign_id, email, email_key, name, country, locale, status)
       VALUES ($1, $2, $3, $3, 'Refused Person', 'US', 'en', 'pending')`,
      [signatureId, campaign.id, email],
    );
    const outboxId = randomUUID();
    await m.db.pool.query(
      `INSERT INTO outbox_message (id, kind, "to", locale, message_id, signature_id, payload)
       VALUES ($1, 'signature.confirm', $2, 'en', $3, $4, '{"token":"x"}')`,
      [outboxId, email, `<${outboxId}@letters.example.test>`, signatureId],
    );
    sink.plan(email, 550);
    await m.deliver.deliverOutboxMessage(outboxId, { retryCount: 0, retryLimit: 4 });
    const refused = await m.refused.listRefusedEmails(scope, campaign.id);
    expect(refused).toEqual([
      expect.objectContaining({ to: email, name: "Refused Person", kind: "signature.confirm" }),
    ]);
    expect(refused[0]!.lastError).toMatch(/^550/);
    const viewer = m.scope.scopeFor({ ...scope.organizer, role: "viewer" });
    await expect(m.refused.listRefusedEmails(viewer, campaign.id)).rejects.toMatchObject({ code: "forbidden" });
  });
});
