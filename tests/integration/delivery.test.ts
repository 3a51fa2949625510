// Delivery to a campaign's target against a real SMTP server started by the test: letters one by one, digests
// with a CSV attachment, hold-until, throttle, temporary and permanent failures, a relay that is down. Worker
// processes killed mid-batch, and two at once, are in worker-processes.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { smtpSinkForFile } from "./smtp-sink";

const sink = smtpSinkForFile({ DELIVERY_SEND_ATTEMPTS: "5" });

let m: {
  db: typeof import("@/lib/infra/db");
  schedule: typeof import("@/lib/delivery/schedule-deliveries");
  deliver: typeof import("@/lib/worker/deliver-outbox-message");
  list: typeof import("@/lib/delivery/list-deliveries");
  transport: typeof import("@/lib/infra/mail/transport");
  helpers: typeof import("./helpers");
  fixtures: typeof import("./mail-fixtures");
};

beforeAll(async () => {
  m = {
    db: await import("@/lib/infra/db"),
    schedule: await import("@/lib/delivery/schedule-deliveries"),
    deliver: await import("@/lib/worker/deliver-outbox-message"),
    list: await import("@/lib/delivery/list-deliveries"),
    transport: await import("@/lib/infra/mail/transport"),
    helpers: await import("./helpers"),
    fixtures: await import("./mail-fixtures"),
  };
});

async function confirmedSignatures(campaignId: string, names: string[], appearance = "full") {
  for (const [i, name] of names.entries()) {
    const id = randomUUID();
    await m.db.pool.query(
      `INSERT INTO signature (id, campaign_id, email, email_key, name, country, region, locale, status, confirmed_at, appearance)
       VALUES ($1, $2, $3, $3, $4, 'US', 'NY', 'en', 'confirmed', now() + make_interval(secs => $5), $6::appearance)`,
      [id, campaignId, `s-${id.slice(0, 8)}@example.test`, name, i, appearance],
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
    last_error: string | null;
    attempts: number;
  }>(
    `SELECT id, kind, status, message_id, last_error, attempts FROM outbox_message WHERE campaign_id = $1 ORDER BY created_at, message_id`,
    [campaignId],
  );
  return rows;
}

async function sendAll(campaignId: string) {
  for (const d of await deliveriesOf(campaignId)) {
    if (d.status === "pending") await m.deliver.deliverOutboxMessage(d.id, { retryCount: 0, retryLimit: 4 });
  }
}

describe("letters one by one", () => {
  it("sends each confirmed letter as its own email: from the campaign, replies to the campaign, as written", async () => {
    const campaign = await m.fixtures.campaignWith();
    const ids = await m.fixtures.confirmedLetters(campaign.id, 3, {
      body: "Dear Mr. President,\n\n<b>Raise the camps.</b> 정치범수용소를 해체해 주십시오.\n\nKim",
    });
    const result = await m.schedule.scheduleDeliveries();
    expect(result.find((r) => r.campaignId === campaign.id)).toMatchObject({ letters: 3, digest: null });
    expect(await m.fixtures.letterStatuses(campaign.id)).toEqual(["queued", "queued", "queued"]);

    await sendAll(campaign.id);
    const mine = sink.received.filter((r) => ids.some((id) => r.messageId === `<letter.${id}@letters.example.test>`));
    expect(mine).toHaveLength(3);
    const first = mine[0]!;
    expect(first.from).toMatch(/^"?Test Coalition"? <letters@coalition\.example\.test>$/);
    expect(first.to).toBe("target@example.test");
    // The writers did not ask for replies: the target gets the campaign's address, never theirs.
    expect(first.replyTo).toMatch(/^"?Test Coalition"? <letters@coalition\.example\.test>$/);
    expect(first.raw.toString()).not.toMatch(/writer-[0-9a-f]{8}@example\.test/);
    expect(first.subject).toMatch(/^Please act \(\d\)$/);
    expect(
      first.text.startsWith(
        "Dear Mr. President,\n\n<b>Raise the camps.</b> 정치범수용소를 해체해 주십시오.\n\nKim\n\n-- \n",
      ),
    ).toBe(true);
    expect(first.html).toContain("&lt;b&gt;Raise the camps.&lt;/b&gt;");
    expect(await m.fixtures.letterStatuses(campaign.id)).toEqual(["delivered", "delivered", "delivered"]);

    // Nothing is sent twice: a second tick finds nothing new.
    const again = await m.schedule.scheduleDeliveries();
    expect(again.find((r) => r.campaignId === campaign.id)).toBeUndefined();
  });

  it("renders a claimed batch together: each letter in its own words, one withdrawn meanwhile cancelled", async () => {
    const campaign = await m.fixtures.campaignWith();
    const ids = await m.fixtures.confirmedLetters(campaign.id, 4);
    await m.schedule.scheduleDeliveries();
    await m.db.pool.query(`UPDATE letter SET status = 'withdrawn' WHERE id = $1`, [ids[2]]);
    const deliveries = await deliveriesOf(campaign.id);

    const results = await m.deliver.deliverOutboxMessages(
      deliveries.map((d) => ({ id: d.id, retryCount: 0, retryLimit: 4 })),
    );
    const byLetter = new Map(deliveries.map((d) => [d.message_id, results.get(d.id)]));
    ids.forEach((id, i) =>
      expect(byLetter.get(`<letter.${id}@letters.example.test>`)).toBe(i === 2 ? "cancelled" : "sent"),
    );
    for (const [i, id] of ids.entries()) {
      const mail = sink.received.filter((r) => r.messageId === `<letter.${id}@letters.example.test>`);
      if (i === 2) expect(mail).toHaveLength(0);
      else expect(mail.map((r) => r.subject)).toEqual([`Please act (${i + 1})`]);
    }
    expect((await m.fixtures.letterStatuses(campaign.id)).sort()).toEqual([
      "delivered",
      "delivered",
      "delivered",
      "withdrawn",
    ]);
  });

  it("queues at most the throttle per minute, spread over the minute", async () => {
    const campaign = await m.fixtures.campaignWith({ throttlePerMinute: 3 });
    await m.fixtures.confirmedLetters(campaign.id, 7);
    await m.schedule.scheduleDeliveries();
    expect(await deliveriesOf(campaign.id)).toHaveLength(3);
    // Each message is due at its place in the minute.
    const { rows: due } = await m.db.pool.query<{ delay: number }>(
      `SELECT round(extract(epoch FROM available_at - min(available_at) OVER ()))::int AS delay
         FROM outbox_message WHERE campaign_id = $1 ORDER BY 1`,
      [campaign.id],
    );
    expect(due.map((j) => j.delay)).toEqual([0, 20, 40]);

    await m.schedule.scheduleDeliveries();
    expect(await deliveriesOf(campaign.id)).toHaveLength(3);

    // A minute later, the next tranche.
    await m.db.pool.query(
      `UPDATE outbox_message SET created_at = created_at - interval '61 seconds' WHERE campaign_id = $1`,
      [campaign.id],
    );
    await m.schedule.scheduleDeliveries();
    expect(await deliveriesOf(campaign.id)).toHaveLength(6);
  });
});

describe("digests", () => {
  it("carries new signers as a CSV attachment and letters inline, with running totals, once per interval", async () => {
    const campaign = await m.fixtures.campaignWith({ letterDelivery: "digest" });
    await confirmedSignatures(campaign.id, ["Ada Lovelace", '=HYPERLINK("http://evil.example")', "김하나"]);
    await m.fixtures.confirmedLetters(campaign.id, 2);
    const result = await m.schedule.scheduleDeliveries();
    expect(result.find((r) => r.campaignId === campaign.id)).toMatchObject({
      letters: 0,
      digest: { signatures: 3, letters: 2 },
    });

    await sendAll(campaign.id);
    const [digest] = await deliveriesOf(campaign.id);
    expect(digest).toMatchObject({ kind: "delivery.digest", status: "sent" });
    const mail = sink.received.find((r) => r.messageId === digest!.message_id)!;
    expect(mail.subject).toBe(`Test campaign ${campaign.slug.slice(5)}: 3 new signatures and 2 letters`);
    expect(mail.text).toContain("Running totals: 3 confirmed signatures, 2 personal letters.");
    expect(mail.text).toContain(
      "Letter 1 of 2: from \u2068Writer 1\u2069, \u2068Springfield, Illinois, United States\u2069",
    );
    expect(mail.text).toContain("Letter number 2.");

    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.filename).toMatch(/^signatures-\d{4}-\d{2}-\d{2}\.csv$/);
    // A byte-order mark first, so spreadsheets read the names as UTF-8.
    expect([...mail.attachments[0]!.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(mail.attachments[0]!.content, { columns: true, bom: true }) as Record<string, string>[];
    const today = new Date().toISOString().slice(0, 10);
    const full = { city_or_region: "New York", country: "US", signed_on: today, shown_as: "full name" };
    expect(rows).toEqual([
      { ...full, name: "Ada Lovelace" },
      { ...full, name: '\'=HYPERLINK("http://evil.example")' },
      { ...full, name: "김하나" },
    ]);
    expect(await m.fixtures.letterStatuses(campaign.id)).toEqual(["delivered", "delivered"]);

    // A new signer waits for the next interval …
    await confirmedSignatures(campaign.id, ["Late Signer"]);
    await m.schedule.scheduleDeliveries();
    expect(await deliveriesOf(campaign.id)).toHaveLength(1);
    // … and then travels alone.
    await m.db.pool.query(
      `UPDATE campaign_target SET last_scheduled_at = now() - interval '1 day' WHERE campaign_id = $1`,
      [campaign.id],
    );
    await m.schedule.scheduleDeliveries();
    await sendAll(campaign.id);
    const second = (await deliveriesOf(campaign.id))[1]!;
    const secondMail = sink.received.find((r) => r.messageId === second.message_id)!;
    expect(parse(secondMail.attachments[0]!.content, { columns: true, bom: true })).toEqual([
      { ...full, name: "Late Signer" },
    ]);
    expect(secondMail.text).toContain("Running totals: 4 confirmed signatures");
  });
});

describe("a large digest", () => {
  it("hands 25,000 new signers to the target at once: more than one statement could carry as separate parameters", async () => {
    const campaign = await m.fixtures.campaignWith();
    const many = 25_000;
    await m.db.pool.query(
      `INSERT INTO signature (id, campaign_id, email, email_key, name, country, locale, status, confirmed_at)
       SELECT gen_random_uuid(), $1, 'many' || i || '@example.test', 'many' || i || '@example.test', 'Signer ' || i,
              'US', 'en', 'confirmed', now() - make_interval(secs => $2 - i)
         FROM generate_series(1, $2) AS i`,
      [campaign.id, many],
    );
    const result = await m.schedule.scheduleDeliveries();
    expect(result.find((r) => r.campaignId === campaign.id)?.digest).toEqual({ signatures: many, letters: 0 });
    const [digest] = await deliveriesOf(campaign.id);
    const { rows } = await m.db.pool.query<{ handed: number; carried: number }>(
      `SELECT (SELECT count(*)::int FROM target_signature x JOIN campaign_target t ON t.id = x.target_id
                WHERE t.campaign_id = $1 AND x.message_id = $2) AS handed,
              (SELECT count(*)::int FROM signature WHERE campaign_id = $1 AND delivery_message_id = $2) AS carried`,
      [campaign.id, digest!.id],
    );
    expect(rows[0]).toEqual({ handed: many, carried: many });
    // Nothing is left for the next tick.
    expect((await m.schedule.scheduleDeliveries()).find((r) => r.campaignId === campaign.id)).toBeUndefined();
    // Not sent here: other files' workers need not render it.
    await m.db.pool.query(`UPDATE outbox_message SET status = 'cancelled' WHERE campaign_id = $1`, [campaign.id]);
  });
});

describe("hold until", () => {
  it("sends nothing before the date, then the backlog in tranches at the throttle rate", async () => {
    const campaign = await m.fixtures.campaignWith({
      holdUntil: new Date(Date.now() + 3_600_000),
      throttlePerMinute: 2,
    });
    await m.fixtures.confirmedLetters(campaign.id, 5);
    await confirmedSignatures(campaign.id, ["Held Signer"]);
    await m.schedule.scheduleDeliveries();
    expect(await deliveriesOf(campaign.id)).toHaveLength(0);
    expect(await m.fixtures.letterStatuses(campaign.id)).toEqual(Array(5).fill("confirmed"));

    await m.db.pool.query(`UPDATE campaign SET hold_until = now() - interval '1 second' WHERE id = $1`, [campaign.id]);
    await m.schedule.scheduleDeliveries();
    // The digest and one letter fill the first minute's budget of two.
    expect((await deliveriesOf(campaign.id)).map((d) => d.kind).sort()).toEqual(["delivery.digest", "delivery.letter"]);
  });
});

describe("failures", () => {
  it("retries after 451 and then sends with the same Message-ID, queueing nothing new meanwhile", async () => {
    const campaign = await m.fixtures.campaignWith();
    const [first] = await m.fixtures.confirmedLetters(campaign.id, 1);
    await m.schedule.scheduleDeliveries();
    const [delivery] = await deliveriesOf(campaign.id);
    sink.plan("target@example.test", 451);
    await expect(m.deliver.deliverOutboxMessage(delivery!.id, { retryCount: 0, retryLimit: 4 })).rejects.toThrow(/451/);
    expect((await deliveriesOf(campaign.id))[0]).toMatchObject({
      status: "pending",
      attempts: 1,
      last_error: expect.stringContaining("451"),
    });

    await m.fixtures.confirmedLetters(campaign.id, 1);
    await m.schedule.scheduleDeliveries();
    expect(await deliveriesOf(campaign.id)).toHaveLength(1);

    expect(await m.deliver.deliverOutboxMessage(delivery!.id, { retryCount: 1, retryLimit: 4 })).toBe("sent");
    expect(sink.received.map((r) => r.messageId)).toEqual([`<letter.${first}@letters.example.test>`]);
    const [record] = await m.list.listDeliveries(campaign.id);
    expect(record).toMatchObject({
      kind: "letter",
      status: "sent",
      attempts: 2,
      carries: { letters: 1, signatures: 0 },
    });
    expect(record!.history.map((h) => h.status)).toEqual(["sending", "pending", "sending", "sent"]);
    expect(record!.history[1]!.detail).toMatch(/451/);
    expect(record!.history[3]!.detail).toMatch(/^250/);
  });

  it("stops at 550 and records the server's answer for organizers", async () => {
    const campaign = await m.fixtures.campaignWith();
    const [letterId] = await m.fixtures.confirmedLetters(campaign.id, 1);
    await m.schedule.scheduleDeliveries();
    sink.plan("target@example.test", 550);
    await sendAll(campaign.id);
    const [record] = await m.list.listDeliveries(campaign.id);
    expect(record).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: expect.stringMatching(/550 5\.1\.1 Mailbox unavailable/),
    });
    expect(await m.list.letterDeliveryStatus(letterId!)).toMatchObject({
      status: "queued",
      deliveryMessage: { status: "failed" },
    });
    expect(sink.received).toHaveLength(0);
  });

  it("keeps items waiting while the relay is down and drains the backlog when it returns", async () => {
    const campaign = await m.fixtures.campaignWith();
    const ids = await m.fixtures.confirmedLetters(campaign.id, 2);
    await m.schedule.scheduleDeliveries();
    // Close our pooled connections first: the server waits for open connections before it stops.
    m.transport.closeMailTransport();
    await sink.stop();
    for (const d of await deliveriesOf(campaign.id)) {
      await expect(m.deliver.deliverOutboxMessage(d.id, { retryCount: 0, retryLimit: 4 })).rejects.toThrow(
        /ECONNREFUSED|connect/i,
      );
    }
    expect((await deliveriesOf(campaign.id)).map((d) => d.status)).toEqual(["pending", "pending"]);

    await sink.start();
    m.transport.closeMailTransport();
    for (const d of await deliveriesOf(campaign.id))
      expect(await m.deliver.deliverOutboxMessage(d.id, { retryCount: 1, retryLimit: 4 })).toBe("sent");
    expect(sink.received.map((r) => r.messageId).sort()).toEqual(
      ids.map((id) => `<letter.${id}@letters.example.test>`).sort(),
    );
  });
});

describe("a long relay outage", () => {
  it("keeps a delivery waiting, one try an hour, once its quick retries are used up", async () => {
    const campaign = await m.fixtures.campaignWith();
    const [letterId] = await m.fixtures.confirmedLetters(campaign.id, 1);
    await m.schedule.scheduleDeliveries();
    const [delivery] = await deliveriesOf(campaign.id);
    sink.plan("target@example.test", 421);
    expect(await m.deliver.deliverOutboxMessage(delivery!.id, { retryCount: 4, retryLimit: 4 })).toBe("waiting");
    expect((await deliveriesOf(campaign.id))[0]).toMatchObject({
      status: "pending",
      last_error: expect.stringMatching(/^waiting for the relay.*421/),
    });
    const { rows: due } = await m.db.pool.query<{ delay: number }>(
      `SELECT round(extract(epoch FROM available_at - updated_at))::int AS delay FROM outbox_message WHERE id = $1`,
      [delivery!.id],
    );
    expect(due).toEqual([{ delay: 3600 }]);
    expect(await m.list.letterDeliveryStatus(letterId!)).toMatchObject({ status: "queued" });

    // When the relay answers again, the same message goes out.
    expect(await m.deliver.deliverOutboxMessage(delivery!.id, { retryCount: 0, retryLimit: 4 })).toBe("sent");
    expect(await m.list.letterDeliveryStatus(letterId!)).toMatchObject({ status: "delivered" });
  });
});
