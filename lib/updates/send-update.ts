// An organizer (editor or owner) sends an update: it is stored as a mailing with its two translations, and the
// worker queues one email per consenting person (enqueue-mailings.ts). Audited.
import "server-only";
import { randomUUID } from "node:crypto";
import { now } from "@/lib/infra/clock";
import { transaction } from "@/lib/infra/db";
import { requireRole } from "@/lib/organizers/current-organizer";
import { recordAudit } from "@/lib/organizers/record-audit";
import type { Scope } from "@/lib/organizers/scope";
import type { UpdateInput } from "./schema";

export async function sendUpdate(scope: Scope, campaignId: string, input: UpdateInput): Promise<{ id: string }> {
  const campaign = await scope.campaign(campaignId);
  requireRole(scope.organizer, "editor");
  const id = randomUUID();
  await transaction(async (trx) => {
    await trx
      .insertInto("campaign_mailing")
      .values({
        id,
        campaign_id: campaign.id,
        kind: "update",
        created_by_id: scope.organizer.userId,
        created_at: now(),
      })
      .execute();
    await trx
      .insertInto("campaign_mailing_translation")
      .values([
        { mailing_id: id, locale: "en", subject: input.subjectEn, body: input.bodyEn },
        { mailing_id: id, locale: "ko", subject: input.subjectKo, body: input.bodyKo },
      ])
      .execute();
    await recordAudit(trx, scope, "update.sent", { id: campaign.id, label: campaign.slug }, { mailingId: id });
  });
  return { id };
}
