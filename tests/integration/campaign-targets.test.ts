// Several targets per campaign against a real SMTP server: each target receives what its plan says (letters one by
// one, digests, signed bundles), exactly once, with its own delivery records; one target's trouble never holds up
// another's; the digest speaks the target's language (its CSV's column names too) and states how individual the
// letters are, as the bundle's classifier counts them.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { smtpSinkForFile } from "./smtp-sink";

const sink = smtpSinkForFile({
  DELIVERY_SEND_ATTEMPTS: "5",
});

let m: {
  db: typeof import("@/lib/infra/db");
  clock: typeof import("@/lib/infra/clock");
  schedule: typeof import("@/lib/delivery/schedule-deliveries");
  deliver: typeof import("@/lib/worker/deliver-outbox-message");
  byTarget: typeof import("@/lib/delivery/item-deliveries-by-target");
  targets: typeof import("@/lib/campaigns/campaign-targets");
  reroute: typeof import("@/lib/campaigns/reroute-deliveries");
  classify: typeof import("@/lib/delivery/bundle/classify-letters");
  personalisation: typeof import("@/lib/letters/personalisation");
  helpers: typeof import("./helpers");
};

beforeAll(async () => {
  m = {
    db: await import("@/lib/infra/db"),
    clock: await import("@/lib/infra/clock"),
    schedule: await import("@/lib/delivery/schedule-deliveries"),
    deliver: await import("@/lib/worker/deliver-outbox-message"),
    byTarget: await import("@/lib/delivery/item-deliveries-by-target"),
    targets: await import("@/lib/campaigns/campaign-targets"),
    reroute: await import("@/lib/campaigns/reroute-deliveries"),
    classify: await import("@/lib/delivery/bundle/classify-letters"),
    personalisation: await import("@/lib/letters/personalisation"),
    helpers: await import("./helpers"),
  };
});

afterEach(() => m.clock.resetClock());

type TargetSpec = {
  email: string;
  language: "en" | "ko";
  plan: "one_by_one" | "digest" | "bundle_only";
  intervalMinutes?: number;
  names: { en: [string, string]; ko: [string, string] };
};

const whiteHouse: TargetSpec = {
  email: "president@whitehouse.example.test",
  language: "en",
  plan: "one_by_one",
  names: { en: ["The President", "The White House"], ko: ["대통령", "백악관"] },
};
const blueHouse: TargetSpec = {
  email: "minister@unification.example.test",
  language: "ko",
  plan: "digest",
  names: { en: ["The Minister of Unification", "Ministry of Unification"], ko: ["통일부 장관", "통일부"] },
};

/** A campaign of its own with the given targets stored in order (the first replacing the campaign's own). */
async function campaignWithTargets(specs: TargetSpec[]) {
  const campaign = await m.helpers.createCampaign();
  await m.db.pool.query(
    `UPDATE campaign SET sender_email = 'Test Coalition <letters@coalition.example.test>', throttle_per_minute = 100,
            letter_hold_hours = 0 WHERE id = $1`,
    [campaign.id],
  );
  const ids: string[] = [];
  for (const [position, spec] of specs.entries()) {
    const id = randomUUID();
    await m.db.pool.query(
      `INSERT INTO campaign_target (id, campaign_id, position, email, language, plan, interval_minutes)
       VALUES ($1, $2, $3, $4, $5, $6::target_plan, $7)`,
      [id, campaign.id, position, spec.email, spec.language, spec.plan, spec.intervalMinutes ?? 60],
    );
    for (const locale of ["en", "ko"] as const) {
      const [name, office] = spec.names[locale];
      await m.db.pool.query(
        `INSERT INTO campaign_target_translation (target_id, locale, name, office) VALUES ($1, $2, $3, $4)`,
        [id, locale, name, office],
      );
    }
    ids.push(id);
  }
  return { campaign, targetIds: ids };
}

async function confirmedLetters(campaignId: string, bodies: string[]) {
  const ids: string[] = [];
  for (const [i, body] of bodies.entries()) {
    const id = randomUUID();
    await m.db.pool.query(
      `INSERT INTO letter (id, campaign_id, email, email_key, name, city, region, country, subject, body, language, locale, status, confirmed_at, appearance)
       VALUES ($1, $2, $3, $3, $4, 'Springfield', 'IL', 'US', $5, $6, 'en', 'en', 'confirmed', now() + make_interval(secs => $7), 'full')`,
      [id, campaignId, `writer-${id.slice(0, 8)}@example.test`, `Writer ${i + 1}`, `Please act (${i + 1})`, body, i],
    );
    ids.push(id);
  }
  return ids;
}

async function confirmedSignatures(campaignId: string, names: string[]) {
  const ids: string[] = [];
  for (const [i, name] of names.entries()) {
    const id = randomUUID();
    await m.db.pool.query(
      `INSERT INTO signature (id, campaign_id, email, email_key, name, country, region, locale, status, confirmed_at, appearance)
       VALUES ($1, $2, $3, $3, $4, 'KR', '11', 'ko', 'confirmed', now() + make_interval(secs => $5), 'full')`,
      [id, campaignId, `s-${id.slice(0, 8)}@example.test`, name, i],
    );
    await m.db.pool.query(
      `INSERT INTO campaign_count_shard (campaign_id, shard, confirmed) VALUES ($1, 0, 1)
       ON CONFLICT (campaign_id, shard) DO UPDATE SET confirmed = campaign_count_shard.confirmed + 1`,
      [campaignId],
    );
    ids.push(id);
  }
  return ids;
}

async function messagesOf(campaignId: string) {
  const { rows } = await m.db.pool.query<{
    id: string;
    kind: string;
    status: string;
    to: string;
    target_id: string | null;
    message_id: string;
    locale: string;
  }>(
    `SELECT id, kind, status, "to", target_id, message_id, locale FROM outbox_message
      WHERE campaign_id = $1 ORDER BY created_at, message_id`,
    [campaignId],
  );
  return rows;
}

async function sendPending(campaignId: string) {
  for (const d of await messagesOf(campaignId)) {
    if (d.status === "pending") {
      await m.deliver.deliverOutboxMessage(d.id, { retryCount: 0, retryLimit: 4 }).catch(() => "retrying");
    }
  }
}

async function handed(table: "target_letter" | "target_signature", targetId: string) {
  const { rows } = await m.db.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE target_id = $1`,
    [targetId],
  );
  return rows[0]!.n;
}

const to = (address: string) => sink.received.filter((r) => r.to === address);

describe("two targets with different plans", () => {
  it("each receives what its plan says, exactly once, with its own delivery records", async () => {
    const { campaign, targetIds } = await campaignWithTargets([whiteHouse, blueHouse]);
    const [a, b] = targetIds as [string, string];
    const letters = await confirmedLetters(campaign.id, [
      "Dear President,\n\nMy brother has been held since 2019. Please raise his case.",
      "Dear President,\n\nI escaped in 2011 and my mother is still there. Please speak for her.",
    ]);
    await confirmedSignatures(campaign.id, ["김하나", "Ada Lovelace"]);

    const tick = await m.schedule.scheduleDeliveries();
    const mine = tick.find((r) => r.campaignId === campaign.id)!;
    expect(mine.targets).toEqual([
      { targetId: a, letters: 2, digest: { signatures: 2, letters: 0 }, bundle: null },
      { targetId: b, letters: 0, digest: { signatures: 2, letters: 2 }, bundle: null },
    ]);
    await sendPending(campaign.id);

    // The White House: each letter on its own, and the signatures in an English digest.
    const white = to(whiteHouse.email);
    expect(white.map((r) => r.subject).sort()).toEqual([
      "Please act (1)",
      "Please act (2)",
      expect.stringMatching(/: 2 new signatures and no letters$/),
    ]);
    // The Ministry: one Korean digest with both letters inline and the signers in the CSV.
    const ministry = to(blueHouse.email);
    expect(ministry).toHaveLength(1);
    expect(ministry[0]!.text).toContain("통일부 장관, 통일부 귀하");
    expect(ministry[0]!.text).toContain("My brother has been held since 2019.");
    expect(ministry[0]!.text).toContain("I escaped in 2011");

    const messages = await messagesOf(campaign.id);
    expect(messages.filter((x) => x.target_id === a).map((x) => x.kind)).toEqual(
      expect.arrayContaining(["delivery.letter", "delivery.letter", "delivery.digest"]),
    );
    expect(messages.filter((x) => x.target_id === b).map((x) => [x.kind, x.to, x.locale])).toEqual([
      ["delivery.digest", blueHouse.email, "ko"],
    ]);
    expect(new Set(messages.map((x) => x.message_id)).size).toBe(messages.length);
    expect(messages.every((x) => x.status === "sent")).toBe(true);
    expect([await handed("target_letter", a), await handed("target_letter", b)]).toEqual([2, 2]);
    expect([await handed("target_signature", a), await handed("target_signature", b)]).toEqual([2, 2]);
    const { rows: statuses } = await m.db.pool.query(`SELECT status FROM letter WHERE campaign_id = $1`, [campaign.id]);
    expect(statuses.map((r) => r.status)).toEqual(["delivered", "delivered"]);

    // Nothing twice: later ticks, even after every schedule came round again, find nothing new.
    m.clock.advanceClock(2 * 3_600_000);
    expect((await m.schedule.scheduleDeliveries()).find((r) => r.campaignId === campaign.id)).toBeUndefined();
    expect(await messagesOf(campaign.id)).toHaveLength(messages.length);
  });

  it("shows a letter sent to one target and still waiting for the other", async () => {
    const { campaign, targetIds } = await campaignWithTargets([whiteHouse, blueHouse]);
    const [a, b] = targetIds as [string, string];
    // The Ministry's digest went out a moment ago: its next one is an hour away.
    await m.db.pool.query(`UPDATE campaign_target SET last_scheduled_at = now() WHERE id = $1`, [b]);
    const [letterId] = await confirmedLetters(campaign.id, ["Dear President,\n\nPlease act on the camps."]);

    await m.schedule.scheduleDeliveries();
    await sendPending(campaign.id);
    const status = await m.byTarget.itemDeliveriesByTarget({ letterId: letterId! }, "en");
    expect(status.map((s) => [s.targetId, s.name, s.status])).toEqual([
      [a, "The President", "sent"],
      [b, "The Minister of Unification", "waiting"],
    ]);
    expect(await handed("target_letter", b)).toBe(0);

    // An hour later the Ministry's digest carries it too.
    m.clock.advanceClock(61 * 60_000);
    await m.schedule.scheduleDeliveries();
    await sendPending(campaign.id);
    const after = await m.byTarget.itemDeliveriesByTarget({ letterId: letterId! }, "ko");
    expect(after.map((s) => [s.name, s.status])).toEqual([
      ["대통령", "sent"],
      ["통일부 장관", "sent"],
    ]);
    expect(to(whiteHouse.email)).toHaveLength(1);
    expect(to(blueHouse.email)).toHaveLength(1);
  });

  it("one target's failures never hold up the other", async () => {
    const { campaign, targetIds } = await campaignWithTargets([whiteHouse, blueHouse]);
    const [a, b] = targetIds as [string, string];
    await confirmedLetters(campaign.id, ["Dear President,\n\nFirst letter, in my own words about my family."]);
    // The White House's relay refuses for now, and keeps refusing.
    sink.plan(whiteHouse.email, 451, 451, 451, 451);
    await m.schedule.scheduleDeliveries();
    await sendPending(campaign.id);
    expect(to(whiteHouse.email)).toHaveLength(0);
    expect(to(blueHouse.email)).toHaveLength(1);

    // New letters meanwhile: the White House's backlog waits (its earlier delivery is being retried), the Ministry's
    // next digest goes out on its schedule.
    await confirmedLetters(campaign.id, ["Dear President,\n\nA second letter, written after the first."]);
    m.clock.advanceClock(61 * 60_000);
    const tick = await m.schedule.scheduleDeliveries();
    expect(tick.find((r) => r.campaignId === campaign.id)!.targets).toEqual([
      { targetId: a, letters: 0, digest: null, bundle: null },
      { targetId: b, letters: 0, digest: { signatures: 0, letters: 1 }, bundle: null },
    ]);
    await sendPending(campaign.id);
    expect(to(blueHouse.email)).toHaveLength(2);
    expect(await handed("target_letter", a)).toBe(1);
    expect(await handed("target_letter", b)).toBe(2);
  });
});

describe("a target's changed address", () => {
  it("reroutes that target's failed and waiting deliveries, and no other target's", async () => {
    const { campaign, targetIds } = await campaignWithTargets([whiteHouse, blueHouse]);
    const [a, b] = targetIds as [string, string];
    await confirmedLetters(campaign.id, ["Dear President,\n\nPlease act on the camps."]);
    sink.plan(whiteHouse.email, 550);
    await m.schedule.scheduleDeliveries();
    // The White House refuses its letter for good; the Ministry's digest waits for its turn.
    for (const x of await messagesOf(campaign.id))
      if (x.target_id === a) await m.deliver.deliverOutboxMessage(x.id, { retryCount: 0, retryLimit: 4 });
    const where = async () => (await messagesOf(campaign.id)).map((x) => [x.target_id, x.kind, x.status, x.to]);
    expect(await where()).toEqual([
      [a, "delivery.letter", "failed", whiteHouse.email],
      [b, "delivery.digest", "pending", blueHouse.email],
    ]);

    const reroute = () => m.db.transaction((trx) => m.reroute.rerouteDeliveries(trx, campaign.id));
    await m.db.pool.query(`UPDATE campaign_target SET email = $2 WHERE id = $1`, [
      b,
      "office@unification.example.test",
    ]);
    expect(await reroute()).toBe(1);
    expect(await where()).toEqual([
      [a, "delivery.letter", "failed", whiteHouse.email],
      [b, "delivery.digest", "pending", "office@unification.example.test"],
    ]);
    await m.db.pool.query(`UPDATE campaign_target SET email = $2 WHERE id = $1`, [a, "staff@whitehouse.example.test"]);
    expect(await reroute()).toBe(1);
    expect(await where()).toEqual([
      [a, "delivery.letter", "failed", "staff@whitehouse.example.test"],
      [b, "delivery.digest", "pending", "office@unification.example.test"],
    ]);
    expect(await reroute()).toBe(0);
  });
});

describe("a target that takes signed bundles only", () => {
  it("gets a bundle at each scheduled delivery, and the chain of manifests continues", async () => {
    const { campaign, targetIds } = await campaignWithTargets([
      { ...blueHouse, plan: "bundle_only", email: "archive@assembly.example.test" },
    ]);
    const [target] = targetIds as [string];
    await confirmedSignatures(campaign.id, ["김하나", "Ada Lovelace"]);
    await confirmedLetters(campaign.id, ["Dear President,\n\nMy own words on why this matters to me."]);

    const first = (await m.schedule.scheduleDeliveries()).find((r) => r.campaignId === campaign.id)!;
    expect(first.targets[0]!.bundle).toMatchObject({ signatures: 2, letters: 1 });
    await sendPending(campaign.id);
    const [mail] = to("archive@assembly.example.test");
    expect(mail!.subject).toContain("서명된 전달 묶음");
    expect(mail!.attachments.map((x) => x.filename)).toEqual(
      expect.arrayContaining(["bundle.pdf", "manifest.json", "manifest.sig"]),
    );
    const manifest = JSON.parse(mail!.attachments.find((x) => x.filename === "manifest.json")!.content.toString());
    expect(manifest.target).toEqual({ name: "통일부 장관", office: "통일부", language: "ko" });
    expect(manifest.counts).toMatchObject({ signatures: 2, letters: 1, personalisedLetters: 1, nearCopyLetters: 0 });
    expect(await handed("target_signature", target)).toBe(2);

    // Nothing new: no bundle at the next schedule. A new signer: the next bundle, chained to the first.
    m.clock.advanceClock(61 * 60_000);
    expect((await m.schedule.scheduleDeliveries()).find((r) => r.campaignId === campaign.id)).toBeUndefined();
    await confirmedSignatures(campaign.id, ["Grace Hopper"]);
    await m.schedule.scheduleDeliveries();
    await sendPending(campaign.id);
    const mails = to("archive@assembly.example.test");
    expect(mails).toHaveLength(2);
    const second = JSON.parse(mails[1]!.attachments.find((x) => x.filename === "manifest.json")!.content.toString());
    expect(second.counts.signatures).toBe(3);
    const { rows } = await m.db.pool.query<{ manifest_sha256: string }>(
      `SELECT manifest_sha256 FROM delivery_bundle WHERE campaign_id = $1 ORDER BY created_at`,
      [campaign.id],
    );
    expect(rows).toHaveLength(2);
    expect(second.previousManifestSha256).toBe(rows[0]!.manifest_sha256);
  });
});

describe("the digest in the target's language", () => {
  it("names the CSV's columns in Korean for a Korean target, after a byte-order mark", async () => {
    const { campaign } = await campaignWithTargets([blueHouse]);
    await confirmedSignatures(campaign.id, ["김하나"]);
    await m.schedule.scheduleDeliveries();
    await sendPending(campaign.id);
    const [mail] = to(blueHouse.email);
    const csv = mail!.attachments[0]!;
    expect(csv.filename).toMatch(/^서명-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...csv.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header] = parse(csv.content, { bom: true }) as string[][];
    expect(header).toEqual(["이름", "도시_또는_지역", "국가", "서명일", expect.any(String)]);
    expect(header![4]).toMatch(/[가-힣]/);
  });

  it("states how many letters are in the writers' own words and how many are near copies, as the classifier counts", async () => {
    const { campaign } = await campaignWithTargets([{ ...whiteHouse, plan: "digest" }]);
    const copy = "Dear President,\n\nPlease close the camps now. Thank you.";
    const bodies = [
      copy,
      copy.replace("now.", "now!"),
      "Dear President,\n\nMy father was taken in 1998 and we never heard from him again. I ask you to raise his name.",
      "Dear President,\n\nAs a nurse who left in 2015, I saw what the camps do to people. Please help them.",
    ];
    await confirmedLetters(campaign.id, bodies);
    await m.schedule.scheduleDeliveries();
    await sendPending(campaign.id);

    const expected = m.classify.classifyLetters(
      bodies.map((body, i) => ({
        id: String(i),
        body,
        personalised: m.personalisation.measurePersonalisation(body, []).level !== "low",
      })),
    );
    expect(expected).toMatchObject({ personalised: 2, nearCopies: 2 });
    const [mail] = to(whiteHouse.email);
    expect(mail!.text).toContain(
      `of the 4 personal letters sent to you so far, ${expected.personalised} were written largely in the writer's own words and ${expected.nearCopies} are near copies`,
    );
  });
});

describe("reading the targets", () => {
  it("reads a campaign with only its own single-target columns as one target, stored by the first tick", async () => {
    const campaign = await m.helpers.createCampaign();
    const read = await m.targets.campaignTargets(campaign.id);
    expect(read).toEqual([
      expect.objectContaining({ stored: false, email: "target@example.test", plan: "one_by_one", language: "en" }),
    ]);
    expect(m.targets.targetText(read[0]!, "ko").name).toBe("수신인");
    await confirmedSignatures(campaign.id, ["Ada Lovelace"]);
    await m.schedule.scheduleDeliveries();
    const stored = await m.targets.campaignTargets(campaign.id);
    expect(stored).toEqual([expect.objectContaining({ stored: true, email: "target@example.test", position: 0 })]);
    expect(stored[0]!.texts.map((t) => [t.locale, t.name]).sort()).toEqual([
      ["en", "The Target"],
      ["ko", "수신인"],
    ]);
  });
});
