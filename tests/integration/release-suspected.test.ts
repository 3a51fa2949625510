// An organizer looks at one suspected signature and lets it through: it becomes pending, its signer is sent the
// confirmation email it never had, and it counts only once confirmed. Editors and owners only, own campaigns only.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import * as releaseRoute from "@/app/api/organizer/campaigns/[id]/suspected/[signatureId]/release/route";
import { closeDb, pool, prisma } from "@/lib/infra/db";
import { stopBoss } from "@/lib/infra/queue/boss";
import { listSuspectedSignatures } from "@/lib/integrity/signals/list-signals";
import { scopeFor } from "@/lib/organizers/scope";
import { signatureCountFor } from "@/lib/campaigns/signature-count";
import { createCampaign, params } from "./helpers";
import { organizerRequest, organizerSession } from "./organizer-helpers";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

async function suspected(campaignId: string) {
  const email = `caught-${randomUUID().slice(0, 8)}@example.test`;
  return prisma.signature.create({
    data: {
      campaignId,
      email,
      emailKey: email,
      name: "Caught By Mistake",
      country: "US",
      locale: "ko",
      status: "suspected",
      spamReason: "no_token",
    },
  });
}

const release = (campaignId: string, signatureId: string, cookie: string) =>
  releaseRoute.POST(organizerRequest("POST", "/x", { cookie }), params({ id: campaignId, signatureId }));

describe("releasing a suspected signature", () => {
  it("lists it for a look, makes it pending and queues its confirmation email, once", async () => {
    const owner = await organizerSession("owner");
    const campaign = await createCampaign();
    await prisma.campaign.update({ where: { id: campaign.id }, data: { organizationId: owner.organization.id } });
    const signature = await suspected(campaign.id);

    const scope = scopeFor({
      userId: randomUUID(),
      email: owner.email,
      name: "Owner",
      organizationId: owner.organization.id,
      organizationName: owner.organization.name,
      role: "owner",
    });
    const listed = await listSuspectedSignatures(scope, campaign.id);
    expect(listed).toEqual([
      expect.objectContaining({
        id: signature.id,
        reason: "no_token",
        name: "Caught By Mistake",
        email: "c…@example.test",
      }),
    ]);

    const res = await release(campaign.id, signature.id, owner.cookie);
    expect(res.status).toBe(200);
    const row = await prisma.signature.findUniqueOrThrow({ where: { id: signature.id } });
    expect(row).toMatchObject({ status: "pending", spamReason: null });
    expect(row.confirmTokenHash).not.toBeNull();
    const { rows } = await pool.query(
      `SELECT kind, "to", locale, payload ? 'token' AS has_token FROM outbox_message WHERE signature_id = $1`,
      [signature.id],
    );
    expect(rows).toEqual([{ kind: "signature.confirm", to: signature.email, locale: "ko", has_token: true }]);
    // Not counted until the signer confirms.
    expect((await signatureCountFor(campaign.slug))?.confirmed ?? 0).toBe(0);
    expect(await listSuspectedSignatures(scope, campaign.id)).toEqual([]);

    // A second press changes nothing and says so.
    expect((await release(campaign.id, signature.id, owner.cookie)).status).toBe(409);
    const again = await pool.query(`SELECT count(*)::int AS n FROM outbox_message WHERE signature_id = $1`, [
      signature.id,
    ]);
    expect(again.rows[0].n).toBe(1);
  });

  it("is refused to viewers, and another organization's signature is not found", async () => {
    const owner = await organizerSession("owner");
    const viewer = await organizerSession("viewer", owner.organization.id);
    const other = await organizerSession("owner");
    const campaign = await createCampaign();
    await prisma.campaign.update({ where: { id: campaign.id }, data: { organizationId: owner.organization.id } });
    const signature = await suspected(campaign.id);

    expect((await release(campaign.id, signature.id, viewer.cookie)).status).toBe(403);
    expect((await release(campaign.id, signature.id, other.cookie)).status).toBe(404);
    expect((await release(campaign.id, randomUUID(), owner.cookie)).status).toBe(404);
    expect((await release(campaign.id, "not-an-id", owner.cookie)).status).toBe(404);
    expect((await prisma.signature.findUniqueOrThrow({ where: { id: signature.id } })).status).toBe("suspected");
  });
});
