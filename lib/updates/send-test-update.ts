// The organizer's test send: the update in both languages, to their own address only, through the outbox like the
// real thing (same renderer, same headers). Nothing is stored as an update.
import "server-only";
import { randomUUID } from "node:crypto";
import { now } from "@/lib/infra/clock";
import { db } from "@/lib/infra/db";
import { messageIdFor } from "@/lib/infra/mail/message-id";
import { requireRole } from "@/lib/organizers/current-organizer";
import type { Scope } from "@/lib/organizers/scope";
import type { UpdateInput } from "./schema";

export async function sendTestUpdate(scope: Scope, campaignId: string, input: UpdateInput): Promise<{ to: string }> {
  const campaign = await scope.campaign(campaignId);
  requireRole(scope.organizer, "editor");
  const at = now();
  const versions = [
    { locale: "en", subject: input.subjectEn, body: input.bodyEn },
    { locale: "ko", subject: input.subjectKo, body: input.bodyKo },
  ];
  await db
    .insertInto("outbox_message")
    .values(
      versions.map((v) => {
        const id = randomUUID();
        return {
          id,
          kind: "campaign.update",
          to: scope.organizer.email,
          locale: v.locale,
          payload: JSON.stringify({ subject: v.subject, body: v.body }),
          message_id: messageIdFor(id),
          campaign_id: campaign.id,
          created_at: at,
          updated_at: at,
          available_at: at,
        };
      }),
    )
    .execute();
  return { to: scope.organizer.email };
}
