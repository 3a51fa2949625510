// Milestones and updates to the signers and writers who asked for them, against a real SMTP server: the headers of
// RFC 2369 / 8058, one POST that unsubscribes with no sign-in, the next update skipping that address, a milestone
// mailed once with two workers at it. A worker process killed mid-send is in worker-processes.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { smtpSinkForFile } from "./smtp-sink";

const sink = smtpSinkForFile({
  JOB_EXPIRE_SECONDS: "3",
  BOUNCE_DOMAIN: "bounces.letters.example.test",
});

let m: {
  db: typeof import("@/lib/infra/db");
  deliver: typeof import("@/lib/worker/deliver-outbox-message");
  work: typeof import("@/lib/infra/outbox/work-outbox");
  send: typeof import("@/lib/updates/send-update");
  enqueue: typeof import("@/lib/updates/enqueue-mailings");
  tick: typeof import("@/lib/updates/worker");
  route: typeof import("@/app/u/[token]/route");
  helpers: typeof import("./helpers");
  fixtures: typeof import("./mail-fixtures");
};

beforeAll(async () => {
  m = {
    db: await import("@/lib/infra/db"),
    deliver: await import("@/lib/worker/deliver-outbox-message"),
    work: await import("@/lib/infra/outbox/work-outbox"),
    send: await import("@/lib/updates/send-update"),
    enqueue: await import("@/lib/updates/enqueue-mailings"),
    tick: await import("@/lib/updates/worker"),
    route: await import("@/app/u/[token]/route"),
    helpers: await import("./helpers"),
    fixtures: await import("./mail-fixtures"),
  };
});

async function pendingUpdatesOf(campaignId: string) {
  const { rows } = await m.db.pool.query<{ id: string; to: string; kind: string }>(
    `SELECT id, "to", kind FROM outbox_message
      WHERE campaign_id = $1 AND kind IN ('campaign.update', 'campaign.milestone') AND status = 'pending'
      ORDER BY "to"`,
    [campaignId],
  );
  return rows;
}

async function sendAll(campaignId: string) {
  for (const row of await pendingUpdatesOf(campaignId))
    expect(await m.deliver.deliverOutboxMessage(row.id, { retryCount: 0, retryLimit: 4 })).toBe("sent");
}

const header = (raw: Buffer, name: string) =>
  new RegExp(`^${name}: ?(.*(?:\\r\\n[ \\t].*)*)`, "mi")
    .exec(raw.toString("utf8"))?.[1]
    ?.replace(/\r\n[ \t]+/g, " ")
    .trim();

const tag = () => randomUUID().slice(0, 8);

describe("an organizer's update", () => {
  it("reaches each confirmed signer who asked for updates once, in their language, with one-click unsubscribe headers", async () => {
    const t = tag();
    const { campaign, scope } = await m.fixtures.campaignWithSigners([
      { email: `en-${t}@example.test` },
      { email: `ko-${t}@example.test`, locale: "ko" },
      { email: `no-${t}@example.test`, wants: false },
      { email: `pending-${t}@example.test`, status: "pending" },
    ]);
    // A writer who asked for updates and also signed gets one email; another writer gets their own.
    for (const email of [`en-${t}@example.test`, `writer-${t}@example.test`])
      await m.db.pool.query(
        `INSERT INTO letter (id, campaign_id, email, email_key, name, country, subject, body, language, locale, status,
                             wants_updates, confirmed_at)
         VALUES ($1, $2, $3, lower($3), 'W', 'US', 's', 'b', 'en', 'en', 'confirmed', true, now())`,
        [randomUUID(), campaign.id, email],
      );
    await m.send.sendUpdate(scope, campaign.id, m.fixtures.updateText(1));
    // Two workers enumerating at once, one person per batch, then again (a worker restarted): nobody queued twice.
    await Promise.all([m.enqueue.enqueueMailings(1), m.enqueue.enqueueMailings(1)]);
    await m.enqueue.enqueueMailings();
    // Once queued, no list of recipients is kept.
    const kept = await m.db.pool.query(
      `SELECT count(*)::int AS n FROM campaign_mailing_recipient r JOIN campaign_mailing c ON c.id = r.mailing_id
        WHERE c.campaign_id = $1`,
      [campaign.id],
    );
    expect(kept.rows).toEqual([{ n: 0 }]);
    expect((await pendingUpdatesOf(campaign.id)).map((r) => r.to)).toEqual([
      `en-${t}@example.test`,
      `ko-${t}@example.test`,
      `writer-${t}@example.test`,
    ]);
    await sendAll(campaign.id);

    expect(sink.received.map((r) => r.to).sort()).toEqual([
      `en-${t}@example.test`,
      `ko-${t}@example.test`,
      `writer-${t}@example.test`,
    ]);
    const ko = sink.received.find((r) => r.to === `ko-${t}@example.test`)!;
    expect(ko.subject).toBe("소식 1");
    expect(ko.text).toContain("첫 문단 1.");
    const en = sink.received.find((r) => r.to === `en-${t}@example.test`)!;
    expect(en.subject).toBe("News 1");
    for (const mail of sink.received) {
      const list = header(mail.raw, "List-Unsubscribe");
      expect(list).toMatch(
        /^<http:\/\/localhost:3000\/u\/[0-9a-f-]{36}\.[\w-]{43}>, <mailto:unsubscribe\+[0-9a-f]{32}\.[0-9a-f]{16}@bounces\.letters\.example\.test\?subject=unsubscribe>$/,
      );
      expect(header(mail.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
      // The same link is in the text, for readers whose mail client shows no button.
      expect(mail.text).toContain(/<(http[^>]+)>/.exec(list!)![1]);
    }
    const audit = await m.db.pool.query(`SELECT action FROM audit_event WHERE target_id = $1`, [campaign.id]);
    expect(audit.rows).toEqual([{ action: "update.sent" }]);
    // The composer page's account of it: who would get the next one, and this one queued and sent.
    const { listMailings } = await import("@/lib/updates/list-mailings");
    const listed = await listMailings(scope, campaign.id);
    expect(listed.recipients).toBe(3);
    expect(listed.mailings).toMatchObject([{ kind: "update", subject: "News 1", queued: 3, sent: 3 }]);
  });

  it("resumes queuing where a run that died midway left off, queuing no one twice", async () => {
    const t = tag();
    const emails = ["a", "b", "c", "d"].map((x) => `${x}-${t}@example.test`);
    const { campaign, scope } = await m.fixtures.campaignWithSigners(emails.map((email) => ({ email })));
    const { id: mailingId } = await m.send.sendUpdate(scope, campaign.id, m.fixtures.updateText(1));
    // What a run killed after its first batch leaves: two people queued, with their keys; the mailing not done.
    for (const email of emails.slice(0, 2)) {
      const id = randomUUID();
      await m.db.pool.query(`INSERT INTO campaign_mailing_recipient (mailing_id, recipient_key) VALUES ($1, $2)`, [
        mailingId,
        m.enqueue.recipientKey(email),
      ]);
      await m.db.pool.query(
        `INSERT INTO outbox_message (id, kind, "to", locale, payload, message_id, campaign_id)
         VALUES ($1, 'campaign.update', $2, 'en', $3, $4, $5)`,
        [id, email, JSON.stringify({ mailingId }), `<${id}@example.test>`, campaign.id],
      );
    }
    await m.enqueue.enqueueMailings(1);
    expect((await pendingUpdatesOf(campaign.id)).map((r) => r.to)).toEqual(emails);
  });

  it("unsubscribes with one POST and no sign-in; the next update skips that address", async () => {
    const t = tag();
    const { campaign, scope } = await m.fixtures.campaignWithSigners([
      { email: `stay-${t}@example.test` },
      { email: `Leave-${t}@example.test` },
    ]);
    await m.send.sendUpdate(scope, campaign.id, m.fixtures.updateText(1));
    await m.enqueue.enqueueMailings();
    await sendAll(campaign.id);
    const leaving = sink.received.find((r) => r.to === `Leave-${t}@example.test`)!;
    const url = new URL(/<(http[^>]+)>/.exec(header(leaving.raw, "List-Unsubscribe")!)![1]!);
    const token = url.pathname.split("/").pop()!;
    const call = (method: string, t2 = token, body?: string) =>
      m.route[method as "POST" | "GET"](
        new Request(url.toString().replace(token, t2), {
          method,
          headers: body ? { "content-type": "application/x-www-form-urlencoded" } : {},
          body,
        }),
        m.helpers.params({ token: t2 }),
      );

    // A GET only shows the confirm button; a made-up or altered token unsubscribes no one.
    const get = await call("GET");
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toBe(`/en/unsubscribe/${token}`);
    expect((await call("POST", `${token.slice(0, -2)}xx`, "List-Unsubscribe=One-Click")).status).toBe(404);
    const suppressed = () =>
      m.db.pool.query(`SELECT reason FROM suppressed_address WHERE email_key = $1`, [`leave-${t}@example.test`]);
    expect((await suppressed()).rows).toEqual([]);

    const post = await call("POST", token, "List-Unsubscribe=One-Click");
    expect(post.status).toBe(200);
    expect((await suppressed()).rows).toEqual([{ reason: "unsubscribe" }]);
    // Twice is harmless.
    expect((await call("POST", token, "List-Unsubscribe=One-Click")).status).toBe(200);

    sink.reset();
    await m.send.sendUpdate(scope, campaign.id, m.fixtures.updateText(2));
    await m.enqueue.enqueueMailings();
    expect((await pendingUpdatesOf(campaign.id)).map((r) => r.to)).toEqual([`stay-${t}@example.test`]);
    await sendAll(campaign.id);
    expect(sink.received.map((r) => r.to)).toEqual([`stay-${t}@example.test`]);
  });

  it("unsubscribes by a message to the mailto: address of the header, received by the bounce receiver", async () => {
    const t = tag();
    const { campaign, scope } = await m.fixtures.campaignWithSigners([{ email: `mailto-${t}@example.test` }]);
    await m.send.sendUpdate(scope, campaign.id, m.fixtures.updateText(1));
    await m.enqueue.enqueueMailings();
    await sendAll(campaign.id);
    const list = header(sink.received[0]!.raw, "List-Unsubscribe")!;
    const address = /<mailto:([^?>]+)/.exec(list)![1]!;
    const { startBounceReceiver } = await import("@/lib/infra/outbox/inbound-server");
    const receiver = (await startBounceReceiver({ port: 0, host: "127.0.0.1" }))!;
    const client = nodemailer.createTransport({
      host: "127.0.0.1",
      port: receiver.port,
      secure: false,
      ignoreTLS: true,
    });
    try {
      // An address with a forged tag is refused; the real one unsubscribes.
      await expect(
        client.sendMail({
          from: "x@example.test",
          to: address.replace(/\.[0-9a-f]{16}@/, ".0000000000000000@"),
          subject: "unsubscribe",
          text: "",
        }),
      ).rejects.toThrow(/550/);
      await client.sendMail({ from: `mailto-${t}@example.test`, to: address, subject: "unsubscribe", text: "" });
    } finally {
      client.close();
      await receiver.close();
    }
    const { rows } = await m.db.pool.query(`SELECT reason FROM suppressed_address WHERE email_key = $1`, [
      `mailto-${t}@example.test`,
    ]);
    expect(rows).toEqual([{ reason: "unsubscribe" }]);
  });

  it("is cancelled at send time for an address that unsubscribed after it was queued", async () => {
    const t = tag();
    const { campaign, scope } = await m.fixtures.campaignWithSigners([{ email: `late-${t}@example.test` }]);
    await m.send.sendUpdate(scope, campaign.id, m.fixtures.updateText(1));
    await m.enqueue.enqueueMailings();
    const [queued] = await pendingUpdatesOf(campaign.id);
    await m.db.pool.query(`INSERT INTO suppressed_address (email_key, reason) VALUES ($1, 'unsubscribe')`, [
      `late-${t}@example.test`,
    ]);
    const worker = m.work.workOutbox("own", {
      kinds: (await import("@/lib/worker/mail-kinds")).mailKinds,
      pollMs: 50,
    });
    await expect
      .poll(
        async () =>
          (await m.db.pool.query(`SELECT status FROM outbox_message WHERE id = $1`, [queued!.id])).rows[0].status,
        { timeout: 20_000 },
      )
      .toBe("cancelled");
    await worker.stop();
    expect(sink.received.filter((r) => r.to === `late-${t}@example.test`)).toEqual([]);
  });
});

describe("milestones", () => {
  const setCount = (campaignId: string, confirmed: number) =>
    m.db.pool.query(
      `INSERT INTO campaign_count_shard (campaign_id, shard, confirmed) VALUES ($1, 0, $2)
       ON CONFLICT (campaign_id, shard) DO UPDATE SET confirmed = excluded.confirmed`,
      [campaignId, confirmed],
    );
  const milestonesOf = async (campaignId: string) =>
    (
      await m.db.pool.query<{ milestone: string; n: number }>(
        `SELECT c.milestone, count(*)::int AS n
           FROM outbox_message o JOIN campaign_mailing c ON c.id = (o.payload->>'mailingId')::uuid
          WHERE o.campaign_id = $1 AND o.kind = 'campaign.milestone'
          GROUP BY 1 ORDER BY 1`,
        [campaignId],
      )
    ).rows.map((r) => [r.milestone, r.n]);

  it("mails each milestone once when the count crosses it, even with two workers at it", async () => {
    const t = tag();
    const { campaign } = await m.fixtures.campaignWithSigners(
      [{ email: `a-${t}@example.test` }, { email: `b-${t}@example.test`, locale: "ko" }],
      8,
    );
    await setCount(campaign.id, 1);
    await Promise.all([m.tick.runUpdatesTick(), m.tick.runUpdatesTick()]);
    expect(await milestonesOf(campaign.id)).toEqual([]);

    await setCount(campaign.id, 2);
    await Promise.all([m.tick.runUpdatesTick(), m.tick.runUpdatesTick()]);
    await Promise.all([m.tick.runUpdatesTick(), m.tick.runUpdatesTick()]);
    expect(await milestonesOf(campaign.id)).toEqual([["25", 2]]);
    await sendAll(campaign.id);
    const ko = sink.received.find((r) => r.to === `b-${t}@example.test`)!;
    expect(ko.subject).toContain("목표의 25% 달성");
    expect(header(ko.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");

    // Past 50 % and 100 % between two runs: only the goal is mailed.
    await setCount(campaign.id, 8);
    await Promise.all([m.tick.runUpdatesTick(), m.tick.runUpdatesTick()]);
    expect(await milestonesOf(campaign.id)).toEqual([
      ["100", 2],
      ["25", 2],
    ]);
    const { rows } = await m.db.pool.query(
      `SELECT milestone FROM campaign_mailing WHERE campaign_id = $1 ORDER BY milestone`,
      [campaign.id],
    );
    expect(rows.map((r) => r.milestone)).toEqual(["100", "25", "50"]);
  });

  it("mails once when the first delivery reached the target", async () => {
    const t = tag();
    const { campaign } = await m.fixtures.campaignWithSigners([{ email: `d-${t}@example.test` }]);
    await m.db.pool.query(
      `INSERT INTO outbox_message (id, kind, "to", locale, message_id, campaign_id, status, sent_at)
       VALUES ($1, 'delivery.digest', 'target@example.test', 'en', $2, $3, 'sent', now())`,
      [randomUUID(), `<${randomUUID()}@example.test>`, campaign.id],
    );
    await Promise.all([m.tick.runUpdatesTick(), m.tick.runUpdatesTick()]);
    await m.tick.runUpdatesTick();
    expect(await milestonesOf(campaign.id)).toEqual([["delivered", 1]]);
    await sendAll(campaign.id);
    expect(sink.received.map((r) => r.subject)).toEqual([expect.stringMatching(/^Delivered: /)]);
  });
});
