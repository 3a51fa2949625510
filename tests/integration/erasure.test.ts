// Erasing a person leaves nothing of them: each kind of person is created through the paths people use, erased
// through the path they or the organizers use (or by retention), and then every text, JSON and binary column of every
// table in the database is searched for their address (in any case), their name and a mark their details carry.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { POST as postLetter } from "@/app/api/campaigns/[slug]/letters/route";
import * as invalidationsRoute from "@/app/api/organizer/campaigns/[id]/invalidations/route";
import { advanceClock, now, resetClock } from "@/lib/infra/clock";
import { closeDb, pool } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { recordBounceReport } from "@/lib/infra/outbox/record-bounce-report";
import { stopBoss } from "@/lib/infra/queue/boss";
import { scheduleDeliveries } from "@/lib/delivery/schedule-deliveries";
import { confirmLetter } from "@/lib/letters/confirm-letter";
import { letterWithdrawToken } from "@/lib/letters/links";
import { withdrawLetter } from "@/lib/letters/withdraw-letter";
import { anonymiseClosedCampaigns } from "@/lib/privacy/anonymise-closed-campaigns";
import { eraseSigner } from "@/lib/privacy/erase-signer";
import { eraseStruckOut } from "@/lib/privacy/erase-struck-out";
import { purgeUnconfirmed } from "@/lib/privacy/purge-unconfirmed";
import { signatureCountFor } from "@/lib/campaigns/signature-count";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { withdrawToken } from "@/lib/signatures/links";
import { signatureInput } from "@/lib/signatures/schema";
import { signPetition } from "@/lib/signatures/sign-petition";
import { withdrawSignature } from "@/lib/signatures/withdraw-signature";
import { deliverOutboxMessage } from "@/lib/worker/deliver-outbox-message";
import { campaignWithTopics, formToken, jsonRequest, params, signer } from "./helpers";
import { organizerRequest, organizerSession } from "./organizer-helpers";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

afterEach(() => resetClock());

const day = 86_400_000;
const attempt = { retryCount: 0, retryLimit: 3 };

type Person = { email: string; name: string; mark: string };

/** A person whose every detail can be found again: the address (mixed case), the name, and a mark in the rest. */
function person(label: string): Person {
  const mark = `m${randomUUID().slice(0, 8)}`;
  return { email: `Erase.${label}.${mark}@Example.test`, name: `${label} 김영희 ${mark}`, mark };
}

type Column = { schema: string; table: string; column: string; type: string };

/** Every text, JSON, binary and array column of every table, whatever schema it is in (the queue's included). */
async function searchableColumns(): Promise<Column[]> {
  const { rows } = await pool.query<Column>(
    `SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column, c.data_type AS type
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
        AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY', 'USER-DEFINED')
      ORDER BY 1, 2, 3`,
  );
  return rows;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A column as lowercase text (ASCII folded; binary as its bytes' escaped text, where an address stays readable). */
const lowered = (c: Column) =>
  `lower(${c.type === "bytea" ? `encode(${quote(c.column)}, 'escape')` : `${quote(c.column)}::text`} COLLATE "C")`;

/** SQL: `text` contains one of `count` needles, the parameters from `$first` on. */
const containsAny = (text: string, count: number, first: number) =>
  Array.from({ length: count }, (_, k) => `strpos(${text}, $${first + k}) > 0`).join(" OR ");

/**
 * Where in the database each person's details still are: per person, "schema.table.column" for each column holding
 * their address (in any case), their name or their mark. One pass per table for everyone (the database holds every
 * test file's rows), then the columns of the tables where something was found.
 */
async function leftoversOf(people: Person[]): Promise<string[][]> {
  const needles = people.map((p) => [p.email, p.name, p.mark].map((n) => n.toLowerCase()));
  const byTable = new Map<string, Column[]>();
  for (const c of await searchableColumns()) {
    const key = `${quote(c.schema)}.${quote(c.table)}`;
    byTable.set(key, [...(byTable.get(key) ?? []), c]);
  }
  const found: string[][] = people.map(() => []);
  for (const [table, columns] of byTable) {
    const rowText = `lower(concat_ws(' ', ${columns.map(lowered).join(", ")}) COLLATE "C")`;
    const perPerson = needles.map((n, i) => `bool_or(${containsAny("x.v", n.length, 1 + i * n.length)}) AS p${i}`);
    const { rows } = await pool.query<Record<string, boolean>>(
      `SELECT ${perPerson.join(", ")} FROM (SELECT ${rowText} AS v FROM ${table} OFFSET 0) x`,
      needles.flat(),
    );
    for (const [i, mine] of needles.entries()) {
      if (!rows[0]![`p${i}`]) continue;
      const perColumn = columns.map((c, j) => `bool_or(${containsAny(lowered(c), mine.length, 1)}) AS c${j}`);
      const { rows: hits } = await pool.query<Record<string, boolean>>(
        `SELECT ${perColumn.join(", ")} FROM ${table}`,
        mine,
      );
      const where = columns.filter((_, j) => hits[0]![`c${j}`]).map((c) => `${c.schema}.${c.table}.${c.column}`);
      // Found only across two columns (concat_ws joins them with a space): still reported, as the table.
      found[i]!.push(...(where.length ? where : [`${columns[0]!.schema}.${columns[0]!.table}`]));
    }
  }
  return found;
}

async function leftovers(p: Person): Promise<string[]> {
  return (await leftoversOf([p]))[0]!;
}

/** Signs through the real statement; returns the signature and its newest email (with its token while unsent). */
async function sign(slug: string, p: Person, extra: Record<string, unknown> = {}) {
  const input = signatureInput.parse(
    signer({
      email: p.email,
      name: p.name,
      comment: `I was born in Hoeryong ${p.mark}`,
      postalCode: "04524",
      ...extra,
    }),
  );
  await signPetition(slug, input, { ip: "203.0.113.77" });
  return latestMail(p);
}

async function latestMail(p: Person) {
  const { rows } = await pool.query<{ id: string; status: string; outbox_id: string | null; token: string | null }>(
    `SELECT s.id, s.status::text, m.id AS outbox_id, m.payload->>'token' AS token
       FROM signature s LEFT JOIN outbox_message m ON m.signature_id = s.id
      WHERE s.email_key = lower($1) ORDER BY m.created_at DESC NULLS LAST LIMIT 1`,
    [p.email],
  );
  return rows[0]!;
}

/** What a relay said about a message, in its history, quoting the address as relays do. */
async function relayAnswer(outboxId: string, status: "sent" | "pending" | "failed", detail: string) {
  await pool.query(`INSERT INTO outbox_event (message_id, status, attempt, detail) VALUES ($1, $2, 1, $3)`, [
    outboxId,
    status,
    detail,
  ]);
}

async function confirmedSigner(slug: string, p: Person) {
  const s = await sign(slug, p);
  expect(await deliverOutboxMessage(s.outbox_id!, attempt)).toBe("sent");
  await relayAnswer(s.outbox_id!, "sent", `250 2.0.0 Ok: queued for <${p.email}>`);
  expect((await confirmSignature(s.token!)).status).toBe("confirmed");
  return s;
}

/** Writes a letter through the public API; returns its row id and its confirmation email. */
async function writeLetter(slug: string, p: Person, extra: Record<string, unknown> = {}) {
  const res = await postLetter(
    jsonRequest(`/api/campaigns/${slug}/letters`, {
      topics: ["prison-camps"],
      subject: `My brother ${p.mark}`,
      body: `Dear Mr. President,\n\nMy brother has been held in Camp 15 since 2009, and we have had no word of him since. ${p.mark}\n\nPlease raise the camps at the summit.\n\nSincerely,`,
      language: "en",
      writerRole: "relative",
      name: p.name,
      email: p.email,
      street: `1 Main St ${p.mark}`,
      city: `Albany ${p.mark}`,
      region: "NY",
      postalCode: "12207",
      country: "US",
      alsoSign: false,
      formToken: formToken("letter"),
      ...extra,
    }),
    params({ slug }),
  );
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(202);
  const { rows } = await pool.query<{ id: string; outbox_id: string | null; token: string | null }>(
    `SELECT l.id, m.id AS outbox_id, m.payload->>'token' AS token
       FROM letter l LEFT JOIN outbox_message m ON m.letter_id = l.id
      WHERE l.email_key = lower($1) ORDER BY m.created_at DESC NULLS LAST LIMIT 1`,
    [p.email],
  );
  return rows[0]!;
}

/** A confirmed letter, its confirmation email sent and answered. */
async function confirmedLetter(slug: string, p: Person, extra: Record<string, unknown> = {}) {
  const l = await writeLetter(slug, p, extra);
  expect(await deliverOutboxMessage(l.outbox_id!, attempt)).toBe("sent");
  await relayAnswer(l.outbox_id!, "sent", `250 ok <${p.email.toLowerCase()}>`);
  expect((await confirmLetter(l.token!)).status).toBe("confirmed");
  return l;
}

/** Runs the delivery tick and sends what it queued for this campaign: digests and letters reach the target. */
async function deliverToTarget(campaignId: string) {
  await scheduleDeliveries();
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM outbox_message WHERE campaign_id = $1 AND kind LIKE 'delivery.%' AND status = 'pending'`,
    [campaignId],
  );
  for (const { id } of rows) expect(await deliverOutboxMessage(id, attempt)).toBe("sent");
  return rows.map((r) => r.id);
}

const count = async (slug: string) => (await signatureCountFor(slug))!.confirmed;

describe("erasing a person leaves nothing of them in any table", () => {
  it("a pending signer who withdraws", async () => {
    const campaign = await campaignWithTopics();
    const p = person("pending");
    const s = await sign(campaign.slug, p);
    expect(await leftovers(p)).not.toEqual([]);

    expect(await withdrawSignature(withdrawToken(s.id))).toMatchObject({ status: "withdrawn" });
    expect(await leftovers(p)).toEqual([]);
  });

  it("a confirmed signer who withdraws, after their emails went out and a second one said they had signed", async () => {
    const campaign = await campaignWithTopics();
    const p = person("confirmed");
    const s = await confirmedSigner(campaign.slug, p);
    advanceClock(11 * 60_000); // past the resend window: signing again sends "you have already signed"
    const again = await sign(campaign.slug, p);
    expect(again.outbox_id).not.toBe(s.outbox_id);
    expect(await count(campaign.slug)).toBe(1);

    expect(await withdrawSignature(withdrawToken(s.id))).toMatchObject({ status: "withdrawn" });
    expect(await count(campaign.slug)).toBe(0);
    expect(await leftovers(p)).toEqual([]);
  });

  it("a signer whose confirmation was sent again, the first one cancelled after a failed attempt", async () => {
    const campaign = await campaignWithTopics();
    const p = person("resent");
    const first = await sign(campaign.slug, p);
    await relayAnswer(first.outbox_id!, "pending", `451 4.2.0 <${p.email}>: mailbox busy, try later`);
    advanceClock(11 * 60_000);
    const second = await sign(campaign.slug, p);
    const { rows } = await pool.query(`SELECT id, status::text FROM outbox_message WHERE id = ANY($1::uuid[])`, [
      [first.outbox_id, second.outbox_id],
    ]);
    expect(new Map(rows.map((r) => [r.id, r.status]))).toEqual(
      new Map([
        [first.outbox_id, "cancelled"],
        [second.outbox_id, "pending"],
      ]),
    );

    expect(await withdrawSignature(withdrawToken(second.id))).toMatchObject({ status: "withdrawn" });
    expect(await leftovers(p)).toEqual([]);
  });

  it("signers whose email bounced or was refused, the relay quoting the address: only the suppression list keeps it", async () => {
    const campaign = await campaignWithTopics();
    const bounced = person("bounced");
    const refused = person("refused");
    const b = await sign(campaign.slug, bounced);
    expect(await deliverOutboxMessage(b.outbox_id!, attempt)).toBe("sent");
    const report = {
      type: "hard_bounce" as const,
      code: "5.1.1",
      detail: `smtp; 550 5.1.1 <${bounced.email}>: Recipient address rejected`,
      recipient: bounced.email,
    };
    expect(await recordBounceReport(b.outbox_id!, report, createHash("sha256").update(bounced.mark).digest())).toBe(
      "recorded",
    );
    const r = await sign(campaign.slug, refused);
    expect(await deliverOutboxMessage(r.outbox_id!, attempt)).toBe("sent");
    const soft = {
      type: "soft_bounce" as const,
      code: "4.2.2",
      detail: `452 <${refused.email}> over quota`,
      recipient: null,
    };
    expect(await recordBounceReport(r.outbox_id!, soft, createHash("sha256").update(refused.mark).digest())).toBe(
      "recorded",
    );
    // A refusal at sending time, as the sender records it.
    await pool.query(`UPDATE outbox_message SET status = 'failed', last_error = $2 WHERE id = $1`, [
      r.outbox_id,
      `550 5.7.1 <${refused.email}>: relay access denied`,
    ]);
    await relayAnswer(r.outbox_id!, "failed", `550 5.7.1 <${refused.email}>: relay access denied`);
    expect(await leftovers(bounced)).toContain("public.outbox_event.detail");

    for (const s of [b, r]) expect(await withdrawSignature(withdrawToken(s.id))).toMatchObject({ status: "withdrawn" });
    // The suppression list is the whole site's, not the campaign's: it keeps the normalised address (and nothing else
    // of the person) so that no more mail goes to an inbox that bounced or complained (README, Retention).
    expect(await leftoversOf([bounced, refused])).toEqual([["public.suppressed_address.email_key"], []]);
  });

  it("a suspected signer (caught by the honeypot, never emailed), erased by an organizer", async () => {
    const campaign = await campaignWithTopics();
    const p = person("suspected");
    const s = await sign(campaign.slug, p, { website: "http://spam.example" });
    expect(s).toMatchObject({ status: "suspected", outbox_id: null });

    expect(await eraseSigner(campaign.id, p.email.toUpperCase())).toEqual({
      signatures: 1,
      uncounted: 0,
      letters: 0,
      waiting: 0,
    });
    expect(await leftovers(p)).toEqual([]);
  });

  it("the writer of a pending letter who withdraws it", async () => {
    const campaign = await campaignWithTopics();
    const p = person("pendingletter");
    const l = await writeLetter(campaign.slug, p);
    await relayAnswer(l.outbox_id!, "pending", `421 <${p.email}> try again later`);

    expect(await withdrawLetter(letterWithdrawToken(l.id))).toMatchObject({ status: "withdrawn" });
    expect(await leftovers(p)).toEqual([]);
  });

  it("the writer of a confirmed letter that also signed (their earlier signature's emails included), who withdraws", async () => {
    const campaign = await campaignWithTopics();
    const p = person("cosigned");
    const earlier = await sign(campaign.slug, p);
    expect(await deliverOutboxMessage(earlier.outbox_id!, attempt)).toBe("sent");
    await relayAnswer(earlier.outbox_id!, "sent", `250 accepted for <${p.email}>`);
    const l = await confirmedLetter(campaign.slug, p, { alsoSign: true });
    expect(await latestMail(p)).toMatchObject({ id: earlier.id, status: "confirmed" });
    expect(await count(campaign.slug)).toBe(1);

    expect(await withdrawLetter(letterWithdrawToken(l.id))).toMatchObject({ status: "withdrawn" });
    expect(await count(campaign.slug)).toBe(0);
    expect(await leftovers(p)).toEqual([]);
  });

  it("the writer of a delivered letter, who withdraws it: our copy is erased, its delivery record stays", async () => {
    const campaign = await campaignWithTopics();
    const p = person("delivered-withdrawn");
    const l = await confirmedLetter(campaign.slug, p);
    await deliverToTarget(campaign.id);
    expect(await leftovers(p)).not.toEqual([]);
    // The writer's own link cannot call it back, but erases what we kept of it.
    expect(await withdrawLetter(letterWithdrawToken(l.id))).toMatchObject({ status: "delivered" });
    expect(await leftovers(p)).toEqual([]);
  });

  it("the writer of a delivered letter, erased by an organizer: the letter's delivery record stays", async () => {
    const campaign = await campaignWithTopics();
    const p = person("delivered");
    const l = await confirmedLetter(campaign.slug, p);
    const [delivery] = await deliverToTarget(campaign.id);
    expect(await leftovers(p)).not.toEqual([]);

    expect(await eraseSigner(campaign.id, p.email)).toEqual({ signatures: 0, uncounted: 0, letters: 1, waiting: 0 });
    expect(await leftovers(p)).toEqual([]);
    const { rows } = await pool.query(
      `SELECT l.status::text, l.delivered_at IS NOT NULL AS dated, l.country, l.language,
              (SELECT count(*)::int FROM letter_topic t WHERE t.letter_id = l.id) AS topics,
              m.kind, m."to", m.status::text AS delivery, m.response IS NOT NULL AS answered
         FROM letter l JOIN outbox_message m ON m.id = l.delivery_message_id WHERE l.id = $1`,
      [l.id],
    );
    expect(rows).toEqual([
      {
        status: "delivered",
        dated: true,
        country: "US",
        language: "en",
        topics: 1,
        kind: "delivery.letter",
        to: "target@example.test",
        delivery: "sent",
        answered: true,
      },
    ]);
    expect(delivery).toBeDefined();
  });

  it("a closed campaign's signers and writers, once its retention period is over", async () => {
    const campaign = await campaignWithTopics();
    const confirmed = person("retained");
    const pending = person("retainedpending");
    const suspected = person("retainedsuspected");
    const deliveredWriter = person("retainedwriter");
    const heldWriter = person("retainedheld");
    await confirmedSigner(campaign.slug, confirmed);
    await sign(campaign.slug, pending);
    await sign(campaign.slug, suspected, { website: "x" });
    await confirmedLetter(campaign.slug, deliveredWriter);
    await deliverToTarget(campaign.id);
    const held = await confirmedLetter(campaign.slug, heldWriter);
    await pool.query(`UPDATE letter SET status = 'held', held_reason = 'links' WHERE id = $1`, [held.id]);
    await pool.query(`UPDATE campaign SET status = 'closed', closed_at = $2 WHERE id = $1`, [campaign.id, now()]);
    advanceClock(env.RETENTION_DAYS_AFTER_CLOSE * day + 60_000);

    const [run] = (await anonymiseClosedCampaigns()).filter((r) => r.campaignId === campaign.id);
    expect(run).toMatchObject({ complete: true });
    expect(await leftoversOf([confirmed, pending, suspected, deliveredWriter, heldWriter])).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
    expect(await count(campaign.slug)).toBe(1);
  });

  it("an unconfirmed signer and writer, once their links expired long ago", async () => {
    const campaign = await campaignWithTopics();
    const signerP = person("expired");
    const writer = person("expiredwriter");
    const bot = person("expiredbot");
    await sign(campaign.slug, signerP);
    await writeLetter(campaign.slug, writer);
    // Caught by the honeypot: stored as suspected, never emailed.
    await writeLetter(campaign.slug, bot, { website: "http://spam.example" });
    expect(await leftovers(bot)).toContain("public.letter.email");
    advanceClock(env.CONFIRMATION_TTL_HOURS * 3_600_000 + env.RETENTION_UNCONFIRMED_DAYS * day + 60_000);

    await purgeUnconfirmed();
    expect(await leftoversOf([signerP, writer, bot])).toEqual([[], [], []]);
  });

  it("a signer an organizer struck out, once the restore window is over", async () => {
    const campaign = await campaignWithTopics();
    const p = person("struckout");
    const s = await confirmedSigner(campaign.slug, p);
    const { rows } = await pool.query<{ network_hash: string }>(`SELECT network_hash FROM signature WHERE id = $1`, [
      s.id,
    ]);
    const editor = await organizerSession("editor", campaign.organizationId);
    const res = await invalidationsRoute.POST(
      organizerRequest("POST", "/x", { cookie: editor.cookie, body: { criteria: { network: rows[0]!.network_hash } } }),
      params({ id: campaign.id }),
    );
    expect(await res.json()).toMatchObject({ invalidated: 1, uncounted: 1 });
    // Struck out is not erased: a restore must be able to put it back.
    expect(await leftovers(p)).not.toEqual([]);

    advanceClock(env.RETENTION_INVALIDATED_DAYS * day + 60_000);
    expect(await eraseStruckOut()).toBeGreaterThanOrEqual(1);
    expect(await leftovers(p)).toEqual([]);
  });
});

describe("the migration erase_orphaned_mail_history", () => {
  it("clears the history that erased messages (no recipient) left behind, and nothing else", async () => {
    const campaign = await campaignWithTopics();
    const orphaned = person("orphaned");
    const kept = person("kept");
    const o = await confirmedSigner(campaign.slug, orphaned);
    const k = await confirmedSigner(campaign.slug, kept);
    // What the old withdrawal of a letter's co-signature left: the message blanked and unlinked, its history not.
    await pool.query(`UPDATE outbox_message SET "to" = '', payload = '{}', response = NULL WHERE id = $1`, [
      o.outbox_id,
    ]);
    await pool.query(`DELETE FROM signature WHERE id = $1`, [o.id]);
    expect(await leftovers(orphaned)).toEqual(["public.outbox_event.detail"]);

    const migration = readFileSync(
      "prisma/migrations/20261203110500_erase_orphaned_mail_history/migration.sql",
      "utf8",
    );
    await pool.query(migration);
    expect(await leftovers(orphaned)).toEqual([]);
    expect(await leftovers(kept)).toContain("public.outbox_event.detail");
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM outbox_event WHERE message_id = $1`, [
      o.outbox_id,
    ]);
    expect(rows[0]!.n).toBeGreaterThan(0);
    expect(k).toBeDefined();
  });
});
