// "Send a test to me": the next delivery, rendered when the worker sends it (render-test-delivery.ts), goes through
// the outbox to the signed-in organizer's own address, marked as a test; never to the target. Editors and owners;
// recorded in the audit log.
import "server-only";
import { randomUUID } from "node:crypto";
import { transaction } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { messageIdFor } from "@/lib/infra/mail/message-id";
import type { MessageKind } from "@/lib/infra/outbox/message-kinds";
import { requireRole } from "@/lib/organizers/current-organizer";
import { recordAudit } from "@/lib/organizers/record-audit";
import type { Scope } from "@/lib/organizers/scope";

export type TestOf = "digest" | "letter";

export async function sendTestDelivery(scope: Scope, campaignId: string, of: TestOf) {
  const campaign = await scope.campaign(campaignId);
  requireRole(scope.organizer, "editor");
  const id = randomUUID();
  const to = scope.organizer.email;
  await transaction(async (trx) => {
    await trx
      .insertInto("outbox_message")
      .values({
        id,
        kind: "delivery.test" satisfies MessageKind,
        to,
        locale: campaign.defaultLocale,
        payload: JSON.stringify({ of }),
        message_id: messageIdFor(id),
        campaign_id: campaign.id,
        available_at: now(),
      })
      .execute();
    await recordAudit(trx, scope, "delivery.test_sent", { id, label: to }, { campaignId: campaign.id, of });
  });
  return { id, to };
}
