// Abuse protection end to end through the route handlers: rate limits, the silent checks, and the challenge.
// Every test uses its own campaign, addresses and emails, so counters never leak between tests.
import { createHash, randomInt, randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { POST as signRoute } from "@/app/api/campaigns/[slug]/signatures/route";
import { POST as letterRoute } from "@/app/api/campaigns/[slug]/letters/route";
import { advanceClock, now, nowMs, resetClock } from "@/lib/infra/clock";
import { closeDb, prisma, pool } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { stopBoss } from "@/lib/infra/queue/boss";
import { keyedHash } from "@/lib/infra/crypto";
import { issueWaitTicket, signClaims } from "@/lib/integrity/issue-challenge";
import { enforceGuard, prepareGuard } from "@/lib/integrity/guard-submission";
import { AppError } from "@/lib/infra/errors";
import { issueFormToken } from "@/lib/infra/security/form-token";
import { sweepRateWindows } from "@/lib/integrity/sweep-rate-windows";
import { signatureCountFor } from "@/lib/campaigns/signature-count";
import { createCampaign, formToken, jsonRequest, outboxFor, params, signer } from "./helpers";

afterEach(() => resetClock());

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

const sign = (slug: string, body: unknown, ip?: string) =>
  signRoute(
    jsonRequest(`/api/campaigns/${slug}/signatures`, body, { headers: ip ? { "x-forwarded-for": ip } : {} }),
    params({ slug }),
  );

/** A fresh address in a fresh /24 (one of 65,536, so tests never share a network's counter by chance). */
const newIp = () => `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
const sameNetwork = (ip: string, last: number) => ip.replace(/\.\d+$/, `.${last}`);

/** Fixed windows: start a counting test early in a window, so its requests do not straddle two. */
/**
 * Moves the app's clock (which the windows read) to just after the start of a window of `seconds`, so that what a
 * test sends falls in one window however slow the machine is, with no waiting on the wall clock.
 */
function startOfWindow(seconds: number) {
  const into = (nowMs() / 1000) % seconds;
  advanceClock((seconds - into) * 1000 + 50);
}

type Challenge = { token: string; difficulty: number; algorithm: string };

/** The proof of work, done the way any client may: SHA-256 of `${token}:${nonce}` with `difficulty` leading zero bits. */
function solve(challenge: Challenge): string {
  for (let nonce = 0; ; nonce++) {
    const digest = createHash("sha256").update(`${challenge.token}:${nonce}`).digest();
    if (digest.readUInt32BE(0) >>> (32 - challenge.difficulty) === 0) return String(nonce);
  }
}

async function letterCampaign() {
  const campaign = await createCampaign();
  await prisma.campaignTopic.create({ data: { campaignId: campaign.id, key: "prison-camps" } });
  return campaign;
}

function aLetter(overrides: Record<string, unknown> = {}) {
  return {
    topics: ["prison-camps"],
    subject: "Human rights at the summit",
    body: "Please raise the prison camps at the summit. ".repeat(4),
    language: "en",
    name: "Jane Writer",
    email: `writer-${randomUUID().slice(0, 8)}@example.test`,
    city: "Albany",
    region: "NY",
    country: "US",
    formToken: formToken("letter"),
    ...overrides,
  };
}

const write = (slug: string, body: unknown, ip?: string) =>
  letterRoute(
    jsonRequest(`/api/campaigns/${slug}/letters`, body, { headers: ip ? { "x-forwarded-for": ip } : {} }),
    params({ slug }),
  );

async function statusOf(campaignId: string, email: string) {
  return prisma.signature.findFirst({
    where: { campaignId, email },
    select: { status: true, spamReason: true, ipHash: true, networkHash: true },
  });
}

/**
 * Turns the challenge on for a campaign's form on one network the way abuse does: enough suspected submissions from
 * that network within five minutes. Returns an address on that network (another client behind the same router).
 */
async function underAttack(slug: string, network = newIp()): Promise<() => string> {
  startOfWindow(300);
  for (let i = 0; i < env.CHALLENGE_SUSPECT_PER_5_MINUTES; i++) {
    // The one that reaches the threshold is already asked for a solution.
    const bot = sameNetwork(network, randomInt(1, 255));
    expect([202, 428]).toContain((await sign(slug, signer({ website: "http://spam.example" }), bot)).status);
  }
  return () => sameNetwork(network, randomInt(1, 255));
}

describe("rate limits", () => {
  it("refuses an address over the burst limit with 429 and Retry-After, whatever X-Forwarded-For it claims, and nobody else", async () => {
    const campaign = await createCampaign();
    const ip = newIp();
    startOfWindow(env.RATE_IP_BURST_SECONDS);
    for (let i = 0; i < env.RATE_IP_BURST; i++) {
      // A client-chosen entry left of the connection's address changes nothing.
      expect((await sign(campaign.slug, signer(), `10.0.${i}.1, ${ip}`)).status).toBe(202);
    }
    const refused = await sign(
      campaign.slug,
      signer({ email: "late@example.test" }),
      `203.0.113.${randomInt(1, 255)}, ${ip}`,
    );
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(env.RATE_IP_BURST_SECONDS);
    expect(await refused.json()).toEqual({
      error: { code: "rate_limited", message: expect.stringMatching(/Too many attempts/) },
    });
    expect(await prisma.signature.count({ where: { campaignId: campaign.id, email: "late@example.test" } })).toBe(0);

    // Another client at the same moment is unaffected.
    expect((await sign(campaign.slug, signer(), newIp())).status).toBe(202);
    // And the message is in the reader's language.
    const ko = await signRoute(
      jsonRequest(`/api/campaigns/${campaign.slug}/signatures`, signer(), {
        headers: { "x-forwarded-for": ip, "accept-language": "ko" },
      }),
      params({ slug: campaign.slug }),
    );
    expect((await ko.json()).error.message).toMatch(/시도가 너무 많습니다/);
  });

  it("counts an IPv6 client per /64, not per address", async () => {
    const campaign = await createCampaign();
    const prefix = `2001:db8:${randomInt(1, 0xffff).toString(16)}:${randomInt(1, 0xffff).toString(16)}`;
    startOfWindow(env.RATE_IP_BURST_SECONDS);
    const answers = [];
    for (let i = 0; i <= env.RATE_IP_BURST; i++)
      answers.push((await sign(campaign.slug, signer(), `${prefix}::${(i + 1).toString(16)}`)).status);
    expect(answers.slice(0, env.RATE_IP_BURST)).toEqual(Array(env.RATE_IP_BURST).fill(202));
    expect(answers.at(-1)).toBe(429);
  });

  it("refuses an address over the hourly limit until the hour's window ends", async () => {
    const campaign = await createCampaign();
    const ip = newIp();
    expect((await sign(campaign.slug, signer(), ip)).status).toBe(202);
    // An hour's worth of earlier attempts from this address, in the same counter the requests use.
    const updated = await pool.query(`UPDATE rate_window SET hits = $1 WHERE key = $2`, [
      env.RATE_IP_HOURLY,
      `sign:ip-hour:${keyedHash("rate-ip", ip)}`,
    ]);
    expect(updated.rowCount).toBe(1);
    const refused = await sign(campaign.slug, signer(), ip);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    const secondsLeftInHour = 3600 - Math.floor((Date.now() / 1000) % 3600);
    expect(Math.abs(retryAfter - secondsLeftInHour)).toBeLessThanOrEqual(2);
    expect((await sign(campaign.slug, signer(), newIp())).status).toBe(202);
  });

  it("refuses an email address over its hourly limit, from any address, and only that one", async () => {
    const campaign = await createCampaign();
    const email = `busy-${randomUUID().slice(0, 8)}@example.test`;
    startOfWindow(3600);
    for (let i = 0; i < env.RATE_EMAIL_HOURLY; i++)
      expect((await sign(campaign.slug, signer({ email }), newIp())).status).toBe(202);
    const refused = await sign(campaign.slug, signer({ email: email.toUpperCase() }), newIp());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(env.RATE_IP_BURST_SECONDS);
    expect((await sign(campaign.slug, signer(), newIp())).status).toBe(202);
  });

  it("applies the same limits to letters, counted apart from signatures", async () => {
    const campaign = await letterCampaign();
    const email = `writer-${randomUUID().slice(0, 8)}@example.test`;
    startOfWindow(3600);
    expect((await sign(campaign.slug, signer({ email }), newIp())).status).toBe(202);
    const answers = [];
    for (let i = 0; i <= env.RATE_EMAIL_HOURLY; i++)
      answers.push((await write(campaign.slug, aLetter({ email }), newIp())).status);
    expect(answers).toEqual([...Array(env.RATE_EMAIL_HOURLY).fill(202), 429]);
  });

  it("deletes windows nobody reads any more, and keeps the current ones", async () => {
    const key = `test:sweep:${randomUUID()}`;
    const windowAt = (at: Date, hits: number) =>
      pool.query(`INSERT INTO rate_window (key, window_start, hits) VALUES ($1, $2, $3)`, [key, at, hits]);
    await windowAt(now(), 5);
    // Three hours pass (the app's clock moves); a new window opens then.
    advanceClock(3 * 3600_000);
    try {
      await windowAt(now(), 1);
      expect(await sweepRateWindows()).toBeGreaterThanOrEqual(1);
    } finally {
      resetClock();
    }
    const { rows } = await pool.query(`SELECT hits FROM rate_window WHERE key = $1`, [key]);
    expect(rows).toEqual([{ hits: 1 }]);
  });
});

describe("honeypot and time to submit", () => {
  it.each([
    ["a filled honeypot", () => ({ website: "http://spam.example" }), "honeypot"],
    ["a form sent back too fast", () => ({ formToken: formToken("sign", 0) }), "too_fast"],
    ["no form token", () => ({ formToken: undefined }), "no_token"],
    ["a forged form token", () => ({ formToken: `${Date.now().toString(36)}.forged` }), "bad_token"],
    ["the letter form's token", () => ({ formToken: formToken("letter") }), "bad_token"],
  ])(
    "stores %s as suspected, answers the same 202, sends nothing and counts nothing",
    async (_label, change, reason) => {
      const campaign = await createCampaign();
      const person = signer(change());
      const ip = newIp();
      const res = await sign(campaign.slug, person, ip);
      expect(res.status).toBe(202);
      expect(await res.json()).toEqual({ status: "pending_confirmation" });
      const row = await statusOf(campaign.id, person.email as string);
      expect(row).toMatchObject({ status: "suspected", spamReason: reason });
      expect(row!.ipHash).toBeTruthy();
      expect(row!.networkHash).toBeTruthy();
      expect(await outboxFor(campaign.id)).toEqual([]);
      expect((await signatureCountFor(campaign.slug))!.confirmed).toBe(0);
    },
  );

  it("takes a person's own pace (the minimum) as human", async () => {
    const campaign = await createCampaign();
    const person = signer({ formToken: issueFormToken("sign", nowMs() - env.SIGN_MIN_SECONDS * 1000 - 50) });
    expect((await sign(campaign.slug, person)).status).toBe(202);
    expect(await statusOf(campaign.id, person.email as string)).toMatchObject({ status: "pending", spamReason: null });
  });

  it("lets the person behind a suspected signature sign again properly, and never lets a suspected one touch a real one", async () => {
    const campaign = await createCampaign();
    const person = signer();
    expect((await sign(campaign.slug, { ...person, formToken: formToken("sign", 0) })).status).toBe(202);
    expect(await statusOf(campaign.id, person.email)).toMatchObject({ status: "suspected" });
    expect((await sign(campaign.slug, person)).status).toBe(202);
    expect(await statusOf(campaign.id, person.email)).toMatchObject({ status: "pending", spamReason: null });
    expect(await outboxFor(campaign.id)).toHaveLength(1);

    await pool.query(`UPDATE signature SET last_notified_at = now() - interval '1 hour' WHERE campaign_id = $1`, [
      campaign.id,
    ]);
    expect((await sign(campaign.slug, { ...person, name: "Bot Name", website: "x" })).status).toBe(202);
    const row = await prisma.signature.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect(row).toMatchObject({ status: "pending", name: person.name, spamReason: null });
    expect(await outboxFor(campaign.id)).toHaveLength(1);
  });

  it("stores the network's keyed hash: one for a /24, another for the next", async () => {
    const campaign = await createCampaign();
    const ip = newIp();
    const [a, b, c] = [signer(), signer(), signer()];
    await sign(campaign.slug, a, sameNetwork(ip, 10));
    await sign(campaign.slug, b, sameNetwork(ip, 200));
    await sign(campaign.slug, c, ip.replace(/\.\d+\.\d+$/, `.${(Number(ip.split(".")[2]) + 1) % 256}.10`));
    const [ra, rb, rc] = await Promise.all([a, b, c].map((s) => statusOf(campaign.id, s.email)));
    expect(ra!.networkHash).toBe(rb!.networkHash);
    expect(ra!.ipHash).not.toBe(rb!.ipHash);
    expect(rc!.networkHash).not.toBe(ra!.networkHash);
    expect(JSON.stringify([ra, rb, rc])).not.toContain(ip.split(".").slice(0, 3).join("."));
  });

  it("stores a letter with a filled honeypot as suspected, with its topics, and sends nothing", async () => {
    const campaign = await letterCampaign();
    const res = await write(campaign.slug, aLetter({ website: "http://spam.example" }), newIp());
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "pending_confirmation" });
    const row = await prisma.letter.findFirstOrThrow({
      where: { campaignId: campaign.id },
      include: { topics: true, messages: true },
    });
    expect(row).toMatchObject({ status: "suspected", spamReason: "honeypot" });
    expect(row.topics).toHaveLength(1);
    expect(row.messages).toEqual([]);
  });
});

describe("the challenge", () => {
  it("stays off in normal use", async () => {
    const campaign = await createCampaign();
    for (let i = 0; i < 5; i++) expect((await sign(campaign.slug, signer(), newIp())).status).toBe(202);
  });

  it("turns on for the network the junk comes from, and never for everyone else signing the campaign", async () => {
    const campaign = await createCampaign();
    const onNetwork = await underAttack(campaign.slug);
    expect((await sign(campaign.slug, signer(), onNetwork())).status).toBe(428);
    for (let i = 0; i < 3; i++) expect((await sign(campaign.slug, signer(), newIp())).status).toBe(202);
    // The suspicion is counted under that network alone.
    const { rows } = await pool.query<{ key: string }>(`SELECT key FROM rate_window WHERE key LIKE $1`, [
      `sign:abuse:${campaign.slug}:%`,
    ]);
    expect(rows).toHaveLength(1);
  });

  it("lets a browser without JavaScript through with a waiting ticket, sent again after the wait, once", async () => {
    const campaign = await createCampaign();
    const onNetwork = await underAttack(campaign.slug);
    const ticket = issueWaitTicket("sign", campaign.slug, now().getTime());
    expect(ticket.waitSeconds).toBe(env.CHALLENGE_WAIT_SECONDS);
    const person = signer();
    const withTicket = { ...person, challenge: { token: ticket.token, nonce: "0" } };

    // Sent at once, it does not count yet; the guard hands the same ticket back with the seconds left.
    expect((await sign(campaign.slug, withTicket, onNetwork())).status).toBe(428);
    const early = prepareGuard({
      kind: "sign",
      slug: campaign.slug,
      ip: onNetwork(),
      emailKey: person.email,
      fields: withTicket,
    });
    const refusal = await enforceGuard(early, { retry_after: null, allowed: false }).catch((err: AppError) => err);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).extra?.waitTicket).toEqual({
      token: ticket.token,
      waitSeconds: env.CHALLENGE_WAIT_SECONDS,
    });

    try {
      advanceClock(env.CHALLENGE_WAIT_SECONDS * 1000);
      expect((await sign(campaign.slug, withTicket, onNetwork())).status).toBe(202);
      expect(await statusOf(campaign.id, person.email)).toMatchObject({ status: "pending" });
      // Single use, like a solution; and one for another campaign does not count here.
      expect((await sign(campaign.slug, { ...signer(), challenge: withTicket.challenge }, onNetwork())).status).toBe(
        428,
      );
      const elsewhere = issueWaitTicket("sign", "another-campaign", now().getTime() - 60_000);
      const other = { ...signer(), challenge: { token: elsewhere.token, nonce: "0" } };
      expect((await sign(campaign.slug, other, onNetwork())).status).toBe(428);
    } finally {
      resetClock();
    }
  });

  it("asks a form without a solution for one with the challenge and a waiting ticket", async () => {
    const campaign = await createCampaign();
    const onNetwork = await underAttack(campaign.slug);
    const person = signer();
    const guard = prepareGuard({
      kind: "sign",
      slug: campaign.slug,
      ip: onNetwork(),
      emailKey: person.email,
      fields: person,
    });
    const refusal = (await enforceGuard(guard, { retry_after: null, allowed: false }).catch((e) => e)) as AppError;
    expect(refusal.code).toBe("challenge_required");
    expect(refusal.extra?.challenge).toMatchObject({ difficulty: env.CHALLENGE_DIFFICULTY });
    expect(refusal.extra?.waitTicket).toMatchObject({ waitSeconds: env.CHALLENGE_WAIT_SECONDS });
  });

  it("turns on after suspected submissions; a solved challenge passes once, and only for its campaign", async () => {
    const campaign = await createCampaign();
    const other = await createCampaign();
    const network = newIp();
    const onNetwork = await underAttack(campaign.slug, network);
    await underAttack(other.slug, network);

    const person = signer();
    const asked = await sign(campaign.slug, person, onNetwork());
    expect(asked.status).toBe(428);
    const { error } = await asked.json();
    expect(error).toMatchObject({
      code: "challenge_required",
      message: expect.any(String),
      challenge: {
        token: expect.any(String),
        difficulty: env.CHALLENGE_DIFFICULTY,
        algorithm: "sha256-leading-zero-bits",
      },
    });
    expect(await statusOf(campaign.id, person.email)).toBeNull();

    const solution = { token: error.challenge.token, nonce: solve(error.challenge) };
    const passed = await sign(campaign.slug, { ...person, challenge: solution }, onNetwork());
    expect(passed.status).toBe(202);
    expect(await statusOf(campaign.id, person.email)).toMatchObject({ status: "pending" });

    // Used once: the same solution again, or on another campaign, is asked for a new one.
    const reused = await sign(campaign.slug, { ...signer(), challenge: solution }, onNetwork());
    expect(reused.status).toBe(428);
    const elsewhere = await sign(other.slug, { ...signer(), challenge: solution }, onNetwork());
    expect(elsewhere.status).toBe(428);
  });

  it.each([
    [
      "expired",
      (slug: string) => signClaims({ k: "sign", c: slug, e: Math.floor(Date.now() / 1000) - 1, d: 4, r: "r" }),
    ],
    [
      "forged",
      (slug: string) =>
        signClaims({ k: "sign", c: slug, e: Math.floor(Date.now() / 1000) + 60, d: 4, r: "r" }).replace(
          /\.[^.]+$/,
          ".bm90LW91cnM",
        ),
    ],
    [
      "for the letter form",
      (slug: string) => signClaims({ k: "letter", c: slug, e: Math.floor(Date.now() / 1000) + 60, d: 4, r: "r" }),
    ],
    [
      "too easy (tampered difficulty)",
      (slug: string) => {
        const real = signClaims({ k: "sign", c: slug, e: Math.floor(Date.now() / 1000) + 60, d: 20, r: "r" });
        const [body, mac] = real.split(".");
        const claims = JSON.parse(Buffer.from(body!, "base64url").toString());
        return `${Buffer.from(JSON.stringify({ ...claims, d: 1 })).toString("base64url")}.${mac}`;
      },
    ],
  ])("refuses a solution to a challenge that is %s", async (_label, makeToken) => {
    const campaign = await createCampaign();
    const onNetwork = await underAttack(campaign.slug);
    const token = makeToken(campaign.slug);
    const res = await sign(
      campaign.slug,
      { ...signer(), challenge: { token, nonce: solve({ token, difficulty: 4, algorithm: "" }) } },
      onNetwork(),
    );
    expect(res.status).toBe(428);
  });

  it("refuses a wrong answer", async () => {
    const campaign = await createCampaign();
    const onNetwork = await underAttack(campaign.slug);
    const { error } = await (await sign(campaign.slug, signer(), onNetwork())).json();
    let nonce = 0;
    while (
      createHash("sha256").update(`${error.challenge.token}:${nonce}`).digest().readUInt32BE(0) >>>
        (32 - error.challenge.difficulty) ===
      0
    )
      nonce++;
    expect(
      (
        await sign(
          campaign.slug,
          { ...signer(), challenge: { token: error.challenge.token, nonce: String(nonce) } },
          onNetwork(),
        )
      ).status,
    ).toBe(428);
  });

  it("turns on for one network with many attempts, and not for others", async () => {
    const campaign = await createCampaign();
    const ip = newIp();
    startOfWindow(600);
    for (let i = 0; i < env.CHALLENGE_NETWORK_PER_10_MINUTES - 1; i++) {
      expect((await sign(campaign.slug, signer(), sameNetwork(ip, (i % 250) + 1))).status).toBe(202);
    }
    expect((await sign(campaign.slug, signer(), sameNetwork(ip, 251))).status).toBe(428);
    expect((await sign(campaign.slug, signer(), newIp())).status).toBe(202);
  }, 60_000);

  it("turns on for a campaign signed faster than CHALLENGE_CAMPAIGN_PER_MINUTE", async () => {
    const campaign = await createCampaign();
    startOfWindow(60);
    const answers = await Promise.all(
      Array.from({ length: env.CHALLENGE_CAMPAIGN_PER_MINUTE - 1 }, () => sign(campaign.slug, signer())),
    );
    expect(answers.every((r) => r.status === 202)).toBe(true);
    const asked = await sign(campaign.slug, signer());
    expect(asked.status).toBe(428);
    const { error } = await asked.json();
    const person = signer();
    expect(
      (
        await sign(campaign.slug, {
          ...person,
          challenge: { token: error.challenge.token, nonce: solve(error.challenge) },
        })
      ).status,
    ).toBe(202);
  }, 90_000);

  it("asks the letters API for a solution too when the letter form is under attack, and takes it", async () => {
    const campaign = await letterCampaign();
    const network = newIp();
    startOfWindow(300);
    for (let i = 0; i < env.CHALLENGE_SUSPECT_PER_5_MINUTES; i++) {
      const bot = sameNetwork(network, i + 1);
      expect([202, 428]).toContain(
        (await write(campaign.slug, aLetter({ formToken: formToken("letter", 1) }), bot)).status,
      );
    }
    const letter = aLetter();
    const asked = await write(campaign.slug, letter, sameNetwork(network, 200));
    expect(asked.status).toBe(428);
    const { error } = await asked.json();
    const passed = await write(
      campaign.slug,
      { ...letter, challenge: { token: error.challenge.token, nonce: solve(error.challenge) } },
      sameNetwork(network, 201),
    );
    expect(passed.status).toBe(202);
    expect(await prisma.letter.findFirst({ where: { campaignId: campaign.id, email: letter.email } })).toMatchObject({
      status: "pending",
    });
  });
});
