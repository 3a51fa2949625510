import { afterAll, afterEach, describe, expect, it } from "vitest";
import { GET as getCount } from "@/app/api/campaigns/[slug]/count/route";
import { advanceClock, resetClock } from "@/lib/infra/clock";
import { env } from "@/lib/infra/env";
import { closeDb, prisma, pool } from "@/lib/infra/db";
import { stopBoss } from "@/lib/infra/queue/boss";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { describeConfirmLink, describeWithdrawLink } from "@/lib/signatures/describe-link";
import { withdrawToken } from "@/lib/signatures/links";
import { signPetition } from "@/lib/signatures/sign-petition";
import { signatureCountFor } from "@/lib/campaigns/signature-count";
import { withdrawSignature } from "@/lib/signatures/withdraw-signature";
import { signatureInput } from "@/lib/signatures/schema";
import { createCampaign, outboxFor, params, signer } from "./helpers";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

afterEach(() => resetClock());

async function signAndGetToken(slug: string, campaignId: string, overrides: Record<string, unknown> = {}) {
  const input = signatureInput.parse(signer(overrides));
  await signPetition(slug, input);
  const messages = await outboxFor(campaignId);
  const message = messages.find((m) => m.to === input.email)!;
  return { token: String(message.payload.token), signatureId: message.signature_id!, email: input.email };
}

async function count(slug: string) {
  return (await signatureCountFor(slug))!.confirmed;
}

describe("confirming a signature", () => {
  it("counts a signature only once its link is used, and only once", async () => {
    const campaign = await createCampaign();
    const { token } = await signAndGetToken(campaign.slug, campaign.id);
    expect(await count(campaign.slug)).toBe(0);

    expect(await confirmSignature(token)).toEqual({ status: "confirmed", campaignId: campaign.id });
    expect(await count(campaign.slug)).toBe(1);
    expect(await confirmSignature(token)).toEqual({ status: "already_confirmed", campaignId: campaign.id });
    expect(await count(campaign.slug)).toBe(1);
  });

  it("counts once when the same link is pressed many times at once", async () => {
    const campaign = await createCampaign();
    const { token } = await signAndGetToken(campaign.slug, campaign.id);
    const results = await Promise.all(Array.from({ length: 20 }, () => confirmSignature(token)));
    expect(results.filter((r) => r.status === "confirmed")).toHaveLength(1);
    expect(await count(campaign.slug)).toBe(1);
  });

  it("does not confirm when the link is merely fetched (as a mail scanner does)", async () => {
    const campaign = await createCampaign();
    const { token } = await signAndGetToken(campaign.slug, campaign.id);
    expect(await describeConfirmLink(token, "en")).toMatchObject({ campaignSlug: campaign.slug, status: "pending" });
    expect(await describeConfirmLink(token, "ko")).toMatchObject({
      campaignTitle: expect.stringContaining("시험 캠페인"),
    });
    expect(await count(campaign.slug)).toBe(0);
    expect((await prisma.signature.findFirstOrThrow({ where: { campaignId: campaign.id } })).status).toBe("pending");
  });

  it("refuses an expired link, an unknown token and a token that is not ours", async () => {
    const campaign = await createCampaign();
    const { token } = await signAndGetToken(campaign.slug, campaign.id);
    // A second before the link expires it still works (looking confirms nothing); a second after, it does not.
    advanceClock(env.CONFIRMATION_TTL_HOURS * 3_600_000 - 1000);
    expect(await describeConfirmLink(token, "en")).toMatchObject({ status: "pending" });
    advanceClock(2000);
    expect(await describeConfirmLink(token, "en")).toBeNull();
    expect(await confirmSignature(token)).toEqual({ status: "invalid" });
    expect(await confirmSignature("A".repeat(43))).toEqual({ status: "invalid" });
    expect(await confirmSignature("")).toEqual({ status: "invalid" });
    expect(await count(campaign.slug)).toBe(0);
  });

  it("stores only a hash of the token", async () => {
    const campaign = await createCampaign();
    const { token } = await signAndGetToken(campaign.slug, campaign.id);
    const { rows } = await pool.query(`SELECT row_to_json(s)::text AS json FROM signature s WHERE campaign_id = $1`, [
      campaign.id,
    ]);
    expect(rows[0].json).not.toContain(token);
  });
});

describe("withdrawing a signature", () => {
  it("deletes a confirmed signer's details, takes them off the count and scrubs their emails", async () => {
    const campaign = await createCampaign();
    const { token, signatureId, email } = await signAndGetToken(campaign.slug, campaign.id);
    await confirmSignature(token);
    const other = await signAndGetToken(campaign.slug, campaign.id);
    await confirmSignature(other.token);
    expect(await count(campaign.slug)).toBe(2);

    expect(await describeWithdrawLink(withdrawToken(signatureId), "en")).toMatchObject({ status: "confirmed" });
    expect(await count(campaign.slug)).toBe(2);

    // A relay's answer that quoted the address, as relays do.
    const { rows: sent } = await pool.query(`SELECT id FROM outbox_message WHERE signature_id = $1`, [signatureId]);
    await pool.query(`UPDATE outbox_message SET last_error = $2, response = $2 WHERE id = $1`, [
      sent[0].id,
      `550 <${email}> rejected`,
    ]);
    await pool.query(`INSERT INTO outbox_event (message_id, status, attempt, detail) VALUES ($1, 'failed', 1, $2)`, [
      sent[0].id,
      `550 <${email}> rejected`,
    ]);

    expect(await withdrawSignature(withdrawToken(signatureId))).toEqual({
      status: "withdrawn",
      campaignId: campaign.id,
    });
    expect(await count(campaign.slug)).toBe(1);
    const { rows: traces } = await pool.query(
      `SELECT 1 FROM outbox_message m LEFT JOIN outbox_event e ON e.message_id = m.id
        WHERE m.id = $1 AND (m.last_error LIKE $2 OR m.response LIKE $2 OR e.detail LIKE $2)`,
      [sent[0].id, `%${email}%`],
    );
    expect(traces).toHaveLength(0);
    expect(await prisma.signature.findUnique({ where: { id: signatureId } })).toBeNull();
    const { rows } = await pool.query(
      `SELECT "to", payload, status FROM outbox_message WHERE "to" = $1 OR payload::text LIKE $2`,
      [email, `%${token}%`],
    );
    expect(rows).toHaveLength(0);

    expect(await withdrawSignature(withdrawToken(signatureId))).toEqual({ status: "invalid" });
    expect(await count(campaign.slug)).toBe(1);
  });

  it("withdraws a pending signature without touching the count and cancels its unsent email", async () => {
    const campaign = await createCampaign();
    const { signatureId } = await signAndGetToken(campaign.slug, campaign.id);
    const { rows: before } = await pool.query(`SELECT id FROM outbox_message WHERE signature_id = $1`, [signatureId]);
    expect(await withdrawSignature(withdrawToken(signatureId))).toMatchObject({ status: "withdrawn" });
    expect(await count(campaign.slug)).toBe(0);
    const { rows } = await pool.query(`SELECT status, "to", payload FROM outbox_message WHERE id = $1`, [before[0].id]);
    expect(rows[0]).toEqual({ status: "cancelled", to: "", payload: {} });
  });

  it("refuses a tampered or foreign withdraw link", async () => {
    const campaign = await createCampaign();
    const { signatureId } = await signAndGetToken(campaign.slug, campaign.id);
    const forged = `${signatureId}.${"A".repeat(43)}`;
    expect(await describeWithdrawLink(forged, "en")).toBeNull();
    expect(await withdrawSignature(forged)).toEqual({ status: "invalid" });
    expect(await withdrawSignature("not-a-token")).toEqual({ status: "invalid" });
    expect(await prisma.signature.count({ where: { id: signatureId } })).toBe(1);
  });

  it("withdraws only with the exact link: anything added after its signature makes it invalid", async () => {
    const campaign = await createCampaign();
    const { signatureId } = await signAndGetToken(campaign.slug, campaign.id);
    const token = withdrawToken(signatureId);
    for (const extended of [`${token}x`, `${token}.x`, `${token}.`, `${token}=`, `${token} `, `${token}\u0000`]) {
      expect(await describeWithdrawLink(extended, "en"), extended).toBeNull();
      expect(await withdrawSignature(extended), extended).toEqual({ status: "invalid" });
    }
    expect(await prisma.signature.count({ where: { id: signatureId } })).toBe(1);
    expect(await withdrawSignature(token)).toMatchObject({ status: "withdrawn" });
  });
});

describe("GET /api/campaigns/[slug]/count", () => {
  it("returns confirmed signatures and the goal with cache headers, never counting pending ones", async () => {
    const campaign = await createCampaign({ goal: 500 });
    const a = await signAndGetToken(campaign.slug, campaign.id);
    await signAndGetToken(campaign.slug, campaign.id);
    await confirmSignature(a.token);

    const res = await getCount(
      new Request(`http://localhost/api/campaigns/${campaign.slug}/count`),
      params({ slug: campaign.slug }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ confirmed: 1, goal: 500 });
    expect(res.headers.get("cache-control")).toMatch(/public, max-age=\d+.*stale-while-revalidate=\d+/);
  });

  it("stays exact when confirmations and withdrawals interleave", async () => {
    const campaign = await createCampaign();
    const signed = await Promise.all(Array.from({ length: 30 }, () => signAndGetToken(campaign.slug, campaign.id)));
    await Promise.all(signed.map((s) => confirmSignature(s.token)));
    await Promise.all(signed.slice(0, 10).map((s) => withdrawSignature(withdrawToken(s.signatureId))));
    expect(await count(campaign.slug)).toBe(20);
    expect(await prisma.signature.count({ where: { campaignId: campaign.id, status: "confirmed" } })).toBe(20);
  });

  it("answers 404 for an unknown or draft campaign", async () => {
    const draft = await createCampaign({ status: "draft" });
    for (const slug of ["nothing-here", draft.slug]) {
      const res = await getCount(new Request(`http://localhost/api/campaigns/${slug}/count`), params({ slug }));
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe("campaign_not_found");
    }
  });
});
