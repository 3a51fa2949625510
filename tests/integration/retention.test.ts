// Retention: a closed campaign's personal data is erased after the retention period while its counts stay;
// items still on their way are delivered first; unconfirmed items long expired are deleted everywhere; batches and
// several workers at once; the scheduled job does it on its own. Time passes by the app's clock (advanceClock).
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { text } from "node:stream/consumers";
import { advanceClock, now, resetClock } from "@/lib/infra/clock";
import { closeDb, prisma, pool } from "@/lib/infra/db";
import { boss, queues, stopBoss } from "@/lib/infra/queue/boss";
import { deliverOutboxMessage } from "@/lib/worker/deliver-outbox-message";
import { scheduleDeliveries } from "@/lib/delivery/schedule-deliveries";
import { campaignCounts } from "@/lib/organizers/campaigns/campaign-counts";
import { signerCsvStream } from "@/lib/exports/signer-csv";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { signPetition } from "@/lib/signatures/sign-petition";
import { signatureInput } from "@/lib/signatures/schema";
import { anonymiseClosedCampaigns } from "@/lib/privacy/anonymise-closed-campaigns";
import { purgeUnconfirmed } from "@/lib/privacy/purge-unconfirmed";
import { startRetentionWorker } from "@/lib/privacy/worker";
import { createCampaign, signer } from "./helpers";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

afterEach(() => resetClock());

const day = 86_400_000;
const advanceDays = (days: number) => advanceClock(days * day);

const attempt = { retryCount: 0, retryLimit: 3 };

/** Signs through the real statement; returns the signature id, its address and the confirmation token. */
async function sign(slug: string, overrides: Record<string, unknown> = {}) {
  const input = signatureInput.parse(
    signer({ wantsUpdates: true, comment: `I was born in Hoeryong ${mark}`, ...overrides }),
  );
  await signPetition(slug, input, { ip: "203.0.113.7" });
  const { rows } = await pool.query<{ id: string; token: string; outbox_id: string }>(
    `SELECT s.id, m.payload->>'token' AS token, m.id AS outbox_id FROM signature s JOIN outbox_message m ON m.signature_id = s.id
      WHERE s.email = $1 ORDER BY m.created_at DESC LIMIT 1`,
    [input.email],
  );
  return { ...rows[0]!, email: input.email };
}

/** Signs, confirms, and has the signer's own confirmation email sent (and answered by the relay with the address). */
async function confirmedSigner(slug: string, overrides: Record<string, unknown> = {}) {
  const s = await sign(slug, overrides);
  await deliverOutboxMessage(s.outbox_id, attempt);
  await pool.query(`INSERT INTO outbox_event (message_id, status, attempt, detail) VALUES ($1, 'sent', 1, $2)`, [
    s.outbox_id,
    `250 ok for <${s.email}>`,
  ]);
  expect((await confirmSignature(s.token)).status).toBe("confirmed");
  return s;
}

/** Every personal value a letter carries ends with this: the test searches the whole database for it. */
const mark = `m${randomUUID().slice(0, 8)}`;

async function letter(campaignId: string, status: string, extra: { topicId?: string; expiresAt?: Date } = {}) {
  const id = randomUUID();
  const email = `writer-${id.slice(0, 8)}@example.test`;
  await pool.query(
    `INSERT INTO letter (id, campaign_id, email, email_key, name, street, city, region, postal_code, country, subject, body, language, locale,
                         writer_role, status, ip_hash, confirm_token_hash, confirm_token_expires_at, confirmed_at, delivered_at, held_reason)
     VALUES ($1, $2, $3, $3, 'Park Writer ' || $7::text, '1 Main St ' || $7::text, 'Seoul ' || $7::text, 'Seoul ' || $7::text, '04524', 'KR', 'My brother ' || $7::text, 'My brother is in Camp 15. ' || $7::text, 'en', 'en',
             'defector', $4::letter_status, 'iphash', $5, $6, CASE WHEN $4 <> 'pending' THEN now() END, CASE WHEN $4 = 'delivered' THEN now() END,
             CASE WHEN $4 = 'held' THEN 'links' END)`,
    [
      id,
      campaignId,
      email,
      status,
      Buffer.from(randomUUID()),
      extra.expiresAt ?? new Date(now().getTime() + day),
      mark,
    ],
  );
  if (extra.topicId)
    await pool.query(`INSERT INTO letter_topic (letter_id, topic_id) VALUES ($1, $2)`, [id, extra.topicId]);
  // The writer's confirmation email, as the outbox keeps it.
  const outboxId = randomUUID();
  await pool.query(
    `INSERT INTO outbox_message (id, kind, "to", locale, payload, message_id, letter_id, status, response)
     VALUES ($1, 'letter.confirm', $2, 'en', '{"token":"t"}', $3, $4, 'sent', $5)`,
    [outboxId, email, `<${outboxId}@test>`, id, `250 ok <${email}>`],
  );
  await pool.query(`INSERT INTO outbox_event (message_id, status, attempt, detail) VALUES ($1, 'sent', 1, $2)`, [
    outboxId,
    `250 ok <${email}>`,
  ]);
  return { id, email, outboxId };
}

async function deliveryMessage(campaignId: string, status: "sent" | "pending", letterId: string | null = null) {
  const id = randomUUID();
  await pool.query(
    `INSERT INTO outbox_message (id, kind, "to", locale, message_id, campaign_id, letter_id, status, response, sent_at)
     VALUES ($1, 'delivery.letter', 'target@example.test', 'en', $2, $3, $4, $5::outbox_status, $6, CASE WHEN $5 = 'sent' THEN now() END)`,
    [id, `<letter.${id}@test>`, campaignId, letterId, status, status === "sent" ? "250 2.0.0 queued as 4F3A2" : null],
  );
  if (letterId) {
    await pool.query(`UPDATE letter SET delivery_message_id = $1 WHERE id = $2`, [id, letterId]);
    // Carried to each of the campaign's stored targets, as the scheduler records it.
    await pool.query(
      `INSERT INTO target_letter (target_id, letter_id, message_id) SELECT id, $2, $1 FROM campaign_target WHERE campaign_id = $3`,
      [id, letterId, campaignId],
    );
  }
  return id;
}

/** An organizer closes the campaign now (by the app's clock). */
async function close(campaignId: string) {
  await pool.query(`UPDATE campaign SET status = 'closed', closed_at = $2 WHERE id = $1`, [campaignId, now()]);
}

async function topic(campaignId: string) {
  const id = randomUUID();
  await pool.query(`INSERT INTO campaign_topic (id, campaign_id, key) VALUES ($1, $2, 'prison-camps')`, [
    id,
    campaignId,
  ]);
  return id;
}

// The job queue (pg-boss) holds only schedules: a message's data lives in its outbox row alone.
const searchedTables = ["signature", "letter", "outbox_message", "outbox_event"];

/** Each table's rows as lowercase text, for a search of whole rows (one pass per table, whatever the needles). */
const rowTexts = (table: string) => `(SELECT lower(t::text COLLATE "C") AS v FROM ${table} t OFFSET 0) x`;

/** Everything the database still holds that contains one of `needles` (any case), table by table (whole rows). */
async function rowsContaining(...needles: string[]) {
  const lowered = needles.map((n) => n.toLowerCase());
  const found: string[] = [];
  for (const table of searchedTables) {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${rowTexts(table)}
        WHERE ${lowered.map((_, i) => `strpos(x.v, $${i + 1}) > 0`).join(" OR ")}`,
      lowered,
    );
    if (rows[0]!.n) found.push(`${table}: ${rows[0]!.n}`);
  }
  return found;
}

/** Which of `needles` the database still holds somewhere (any case). */
async function stillHeld(...needles: string[]) {
  const lowered = needles.map((n) => n.toLowerCase());
  const held = new Set<number>();
  for (const table of searchedTables) {
    const { rows } = await pool.query<Record<string, boolean>>(
      `SELECT ${lowered.map((_, i) => `bool_or(strpos(x.v, $${i + 1}) > 0) AS n${i}`).join(", ")} FROM ${rowTexts(table)}`,
      lowered,
    );
    lowered.forEach((_, i) => rows[0]![`n${i}`] && held.add(i));
  }
  return needles.filter((_, i) => held.has(i));
}

describe("anonymising a closed campaign", () => {
  it("erases signers' and writers' personal data after the period, keeping the counts and the delivery records", async () => {
    const campaign = await createCampaign();
    const topicId = await topic(campaign.id);
    const a = await confirmedSigner(campaign.slug, {
      name: `Canary Alpha ${mark}`,
      country: "KR",
      region: "11",
      postalCode: "04524",
    });
    const b = await confirmedSigner(campaign.slug, { name: `Canary Beta ${mark}`, country: "US", region: "CA" });
    const unconfirmed = await sign(campaign.slug, { name: `Canary Gamma ${mark}` });
    // The digest carries both confirmed signers to the target.
    const [tick] = (await scheduleDeliveries()).filter((r) => r.campaignId === campaign.id);
    expect(tick?.digest?.signatures).toBe(2);
    const { rows: digests } = await pool.query<{ id: string }>(
      `SELECT id FROM outbox_message WHERE campaign_id = $1 AND kind = 'delivery.digest'`,
      [campaign.id],
    );
    expect(await deliverOutboxMessage(digests[0]!.id, attempt)).toBe("sent");

    const delivered = await letter(campaign.id, "delivered", { topicId });
    await deliveryMessage(campaign.id, "sent", delivered.id);
    const held = await letter(campaign.id, "held", { topicId });
    const pendingLetter = await letter(campaign.id, "pending");

    await close(campaign.id);
    advanceDays(91);
    const before = await campaignCounts(campaign, "en");

    const [result] = (await anonymiseClosedCampaigns({ days: 90 })).filter((r) => r.campaignId === campaign.id);
    expect(result).toEqual({
      campaignId: campaign.id,
      signatures: { anonymised: 2, deleted: 1, waiting: 0 },
      letters: { anonymised: 2, deleted: 1, waiting: 0 },
      complete: true,
    });

    // Nothing personal is left anywhere: not in the rows, not in the outbox, not in its history, not in the queue.
    expect(
      await rowsContaining(a.email, b.email, unconfirmed.email, delivered.email, held.email, pendingLetter.email, mark),
    ).toEqual([]);
    const { rows: signatures } = await pool.query(
      `SELECT name, email, email_key, postal_code, comment, ip_hash, network_hash, confirm_token_hash, show_name, wants_updates, country, region, status::text, confirmed_at IS NOT NULL AS dated
         FROM signature WHERE campaign_id = $1 ORDER BY country`,
      [campaign.id],
    );
    const erased = {
      name: "",
      email: "",
      email_key: null,
      postal_code: null,
      comment: null,
      ip_hash: null,
      network_hash: null,
      confirm_token_hash: null,
      show_name: false,
      wants_updates: false,
    };
    expect(signatures).toEqual([
      { ...erased, country: "KR", region: "11", status: "confirmed", dated: true },
      { ...erased, country: "US", region: "CA", status: "confirmed", dated: true },
    ]);
    const { rows: letters } = await pool.query(
      `SELECT l.status::text, l.name, l.email, l.subject, l.body, l.street, l.city, l.region, l.postal_code, l.writer_role, l.ip_hash,
              l.country, l.language, l.delivered_at IS NOT NULL AS delivered, l.rejected_at IS NOT NULL AS rejected, l.held_reason,
              m.status::text AS delivery_status, m.response AS delivery_response, m."to" AS delivery_to,
              (SELECT count(*)::int FROM letter_topic t WHERE t.letter_id = l.id) AS topics
         FROM letter l LEFT JOIN outbox_message m ON m.id = l.delivery_message_id WHERE l.campaign_id = $1 ORDER BY l.status`,
      [campaign.id],
    );
    const gone = {
      name: "",
      email: null,
      subject: "",
      body: "",
      street: null,
      city: null,
      region: null,
      postal_code: null,
      writer_role: null,
      ip_hash: null,
      country: "KR",
      language: "en",
      topics: 1,
    };
    expect(letters).toEqual(
      [
        // A letter still held for review when the period ended will never be delivered: erased, counted as rejected.
        {
          ...gone,
          status: "rejected",
          delivered: false,
          rejected: true,
          held_reason: "links",
          delivery_status: null,
          delivery_response: null,
          delivery_to: null,
        },
        // The delivered one keeps what organizers need: when, to whom, and the relay's answer.
        {
          ...gone,
          status: "delivered",
          delivered: true,
          rejected: false,
          held_reason: null,
          delivery_status: "sent",
          delivery_response: "250 2.0.0 queued as 4F3A2",
          delivery_to: "target@example.test",
        },
      ].sort((x, y) => x.status.localeCompare(y.status)),
    );

    // The counts organizers hand out do not change (only the never-confirmed rows are gone).
    const after = await campaignCounts(campaign, "en");
    expect(after.totals.confirmedSignatures).toBe(before.totals.confirmedSignatures);
    expect(after.perDay).toEqual(before.perDay);
    expect(after.perCountry).toEqual(before.perCountry);
    expect(after.perRegion).toEqual(before.perRegion);
    expect(after.totals.pendingSignatures).toBe(0);
    expect(after.totals.letters).toEqual({ delivered: 1, rejected: 1 });
    expect(after.perTopic).toEqual([{ key: "prison-camps", title: "prison-camps", letters: 1 }]);
    // The signer export still works: the header, and no one.
    const csv = await text(signerCsvStream(campaign.id, { includeLetters: true, includeAddresses: true }));
    expect(csv.trim().split(/\r\n/)).toHaveLength(1);

    const { rows: marked } = await pool.query<{ anonymised_at: Date | null }>(
      `SELECT anonymised_at FROM campaign WHERE id = $1`,
      [campaign.id],
    );
    expect(marked[0]!.anonymised_at).toBeInstanceOf(Date);
    // A second run finds nothing to do.
    expect((await anonymiseClosedCampaigns({ days: 90 })).filter((r) => r.campaignId === campaign.id)).toEqual([]);
  });

  it("leaves open campaigns and campaigns closed more recently than the period alone", async () => {
    const open = await createCampaign();
    const recent = await createCampaign();
    const pastDate = await createCampaign({ closesAt: new Date(now().getTime() + day) });
    const s1 = await confirmedSigner(open.slug);
    const s2 = await confirmedSigner(recent.slug);
    await close(recent.id);
    // 89 days after the organizer closed one, 88 after the other's closing date.
    advanceDays(89);

    const ran = (await anonymiseClosedCampaigns({ days: 90 })).map((r) => r.campaignId);
    expect(ran).not.toContain(open.id);
    expect(ran).not.toContain(recent.id);
    expect(ran).not.toContain(pastDate.id);
    expect(await stillHeld(s1.email, s2.email)).toEqual([s1.email, s2.email]);
    // The period is a setting: a campaign past its closing date counts as closed from that date.
    const short = (await anonymiseClosedCampaigns({ days: 88 })).map((r) => r.campaignId);
    expect(short).toContain(pastDate.id);
    expect(short).toContain(recent.id);
    expect(short).not.toContain(open.id);
  });

  it("delivers what is still on its way first, and erases it on a later run once delivered", async () => {
    const campaign = await createCampaign();
    const waitingSigner = await confirmedSigner(campaign.slug);
    const queued = await letter(campaign.id, "queued");
    await deliveryMessage(campaign.id, "pending", queued.id);
    const confirmed = await letter(campaign.id, "confirmed");
    await close(campaign.id);
    advanceDays(100);

    const [first] = (await anonymiseClosedCampaigns({ days: 90 })).filter((r) => r.campaignId === campaign.id);
    expect(first).toMatchObject({
      signatures: { anonymised: 0, waiting: 1 },
      letters: { anonymised: 0, waiting: 2 },
      complete: false,
    });
    const onTheirWay = [waitingSigner.email, queued.email, confirmed.email];
    expect(await stillHeld(...onTheirWay)).toEqual(onTheirWay);

    // The digest and the letters go out (the tick still takes a closed campaign's backlog) ...
    await scheduleDeliveries();
    const { rows: due } = await pool.query<{ id: string }>(
      `SELECT id FROM outbox_message WHERE campaign_id = $1 AND kind LIKE 'delivery.%' AND status = 'pending'`,
      [campaign.id],
    );
    expect(due).toHaveLength(3);
    for (const { id } of due) expect(await deliverOutboxMessage(id, attempt)).toBe("sent");
    const { rows: statuses } = await pool.query<{ status: string }>(
      `SELECT status::text FROM letter WHERE campaign_id = $1`,
      [campaign.id],
    );
    expect(statuses.map((s) => s.status)).toEqual(["delivered", "delivered"]);

    // ... and the next run erases them.
    const [second] = (await anonymiseClosedCampaigns({ days: 90 })).filter((r) => r.campaignId === campaign.id);
    expect(second).toMatchObject({
      signatures: { anonymised: 1, waiting: 0 },
      letters: { anonymised: 2, waiting: 0 },
      complete: true,
    });
    expect(await rowsContaining(waitingSigner.email, queued.email, confirmed.email)).toEqual([]);
  });

  it("deletes suspected signatures and keeps struck-out ones only as anonymous evidence", async () => {
    const campaign = await createCampaign();
    // Caught by the honeypot: stored as suspected, never emailed.
    await signPetition(
      campaign.slug,
      signatureInput.parse(signer({ website: "http://spam.example", comment: `bot ${mark}` })),
      { ip: "203.0.113.9" },
    );
    const { rows: suspected } = await pool.query<{ id: string; email: string }>(
      `SELECT id, email FROM signature WHERE campaign_id = $1 AND status = 'suspected'`,
      [campaign.id],
    );
    expect(suspected).toHaveLength(1);
    const struckOut = await confirmedSigner(campaign.slug);
    await pool.query(`UPDATE signature SET status = 'invalidated', invalidated_at = now() WHERE id = $1`, [
      struckOut.id,
    ]);
    await close(campaign.id);
    advanceDays(100);

    const [run] = (await anonymiseClosedCampaigns({ days: 90 })).filter((r) => r.campaignId === campaign.id);
    expect(run).toMatchObject({ signatures: { anonymised: 1, deleted: 1, waiting: 0 }, complete: true });
    expect(await rowsContaining(suspected[0]!.email, struckOut.email)).toEqual([]);
    expect((await prisma.signature.findUniqueOrThrow({ where: { id: struckOut.id } })).status).toBe("invalidated");
  });

  it("works in small batches, with two workers at once, and erases each row once", async () => {
    const campaign = await createCampaign();
    const n = 57;
    // Confirmed and delivered signers written straight to the table: this is about batching, not signing.
    const digest = await deliveryMessage(campaign.id, "sent");
    await pool.query(
      `INSERT INTO signature (id, campaign_id, email, email_key, name, country, region, locale, status, confirmed_at, delivery_message_id, comment)
       SELECT gen_random_uuid(), $1, 'batch-' || $4 || '-' || i || '@example.test', 'batch-' || $4 || '-' || i || '@example.test', 'Batch Canary ' || $4 || ' ' || i, 'US', 'NY', 'en', 'confirmed', now(), $2, 'batch comment'
         FROM generate_series(1, $3::int) AS i`,
      [campaign.id, digest, n, mark],
    );
    await pool.query(`INSERT INTO campaign_count_shard (campaign_id, shard, confirmed) VALUES ($1, 0, $2)`, [
      campaign.id,
      n,
    ]);
    await close(campaign.id);
    advanceDays(120);

    const runs = await Promise.all([
      anonymiseClosedCampaigns({ days: 90, batchSize: 5 }),
      anonymiseClosedCampaigns({ days: 90, batchSize: 5 }),
    ]);
    const mine = runs.flat().filter((r) => r.campaignId === campaign.id);
    // The advisory lock gives the campaign to one of them; if the other came after, it found nothing left to do.
    expect(mine.reduce((sum, r) => sum + r.signatures.anonymised, 0)).toBe(n);
    expect(mine.some((r) => r.complete)).toBe(true);
    expect(await rowsContaining(`Batch Canary ${mark}`, `batch-${mark}-`)).toEqual([]);
    const counts = await campaignCounts(campaign, "en");
    expect(counts.totals.confirmedSignatures).toBe(n);
    expect(counts.perRegion).toEqual([{ country: "US", region: "NY", signatures: n }]);
  });

  it("does nothing to a campaign another worker holds, and never to one reopened meanwhile", async () => {
    const campaign = await createCampaign();
    const s = await confirmedSigner(campaign.slug);
    await pool.query(`UPDATE signature SET delivery_message_id = $1 WHERE id = $2`, [
      await deliveryMessage(campaign.id, "sent"),
      s.id,
    ]);
    await close(campaign.id);
    advanceDays(120);
    const other = await pool.connect();
    try {
      await other.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [`open-letters.retention:${campaign.id}`]);
      expect((await anonymiseClosedCampaigns({ days: 90 })).map((r) => r.campaignId)).not.toContain(campaign.id);
      expect(await rowsContaining(s.email)).not.toEqual([]);
    } finally {
      await other.query(`SELECT pg_advisory_unlock_all()`);
      other.release();
    }
    await pool.query(`UPDATE campaign SET status = 'open', closed_at = NULL WHERE id = $1`, [campaign.id]);
    expect((await anonymiseClosedCampaigns({ days: 90 })).map((r) => r.campaignId)).not.toContain(campaign.id);
    expect(await rowsContaining(s.email)).not.toEqual([]);
  });
});

describe("purging unconfirmed items", () => {
  it("deletes signatures and letters whose confirmation expired long ago, in any campaign, and nothing else", async () => {
    const campaign = await createCampaign();
    // Links last CONFIRMATION_TTL_HOURS (7 days). Day 0:
    const old = await sign(campaign.slug, { name: "Expired Long Ago" });
    const confirmed = await confirmedSigner(campaign.slug, { name: "Confirmed Signer" });
    const oldLetter = await letter(campaign.id, "pending", { expiresAt: now() });
    // Caught by the honeypot: never emailed, never confirmable, and no more to be kept than a pending one.
    const bot = signer({ website: "http://spam.example", name: `Bot ${mark}` });
    await signPetition(campaign.slug, signatureInput.parse(bot), { ip: "203.0.113.9" });
    advanceDays(30);
    const recent = await sign(campaign.slug, { name: "Expired Yesterday" });
    advanceDays(8);
    // Day 38: the first links expired 31 days ago (38 for the letter), the second one a day ago.
    const fresh = await sign(campaign.slug, { name: "Still Valid" });
    const newLetter = await letter(campaign.id, "pending");

    const result = await purgeUnconfirmed({ days: 30, batchSize: 1 });
    expect(result.signatures).toBeGreaterThanOrEqual(1);
    expect(result.letters).toBeGreaterThanOrEqual(1);
    expect(await rowsContaining(old.email, oldLetter.email, bot.email)).toEqual([]);
    // The outbox keeps the message (its history) without whom it was for.
    const { rows } = await pool.query(`SELECT "to", payload, signature_id FROM outbox_message WHERE id = $1`, [
      old.outbox_id,
    ]);
    expect(rows).toEqual([{ to: "", payload: {}, signature_id: null }]);
    const kept = [recent.email, fresh.email, confirmed.email, newLetter.email];
    expect(await stillHeld(...kept)).toEqual(kept);
    const { rows: left } = await pool.query(`SELECT count(*)::int AS n FROM signature WHERE campaign_id = $1`, [
      campaign.id,
    ]);
    expect(left[0]).toEqual({ n: 3 });
  });
});

describe("the retention job", () => {
  it("runs from the queue in a worker and anonymises a campaign past its period", async () => {
    process.env.RETENTION_DAYS_AFTER_CLOSE = "90"; // the default, read by lib/infra/env at import
    const campaign = await createCampaign();
    const s = await confirmedSigner(campaign.slug);
    await pool.query(`UPDATE signature SET delivery_message_id = $1 WHERE id = $2`, [
      await deliveryMessage(campaign.id, "sent"),
      s.id,
    ]);
    await close(campaign.id);
    advanceDays(91);
    await startRetentionWorker({ pollingIntervalSeconds: 0.5 });
    const instance = await boss();
    const schedules = await instance.getSchedules();
    expect(schedules.map((x) => x.name)).toContain(queues.retentionTick);
    await instance.send(queues.retentionTick, {});
    await expect
      .poll(async () => (await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).anonymisedAt, {
        timeout: 15_000,
        interval: 250,
      })
      .toBeInstanceOf(Date);
    expect(await rowsContaining(s.email)).toEqual([]);
  });
});
