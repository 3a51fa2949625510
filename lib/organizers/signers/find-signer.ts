// One person in one campaign, found by the exact address they used (compared as the signing form stores it): their
// signature and letter, with dates, and every email the app sent about them. For an editor answering a request
// ("delete me", "did my signature count?"); nothing is shown for an address the campaign does not hold.
import "server-only";
import { db } from "@/lib/infra/db";
import { emailKey } from "@/lib/infra/validation/normalize-email";
import { requireRole } from "../current-organizer";
import { undeliveredOr } from "../campaigns/campaign-counts";
import type { Scope } from "../scope";

export async function findSigner(scope: Scope, campaignId: string, email: string) {
  requireRole(scope.organizer, "editor");
  const campaign = await scope.campaign(campaignId);
  const key = emailKey(email);
  const [signatures, letters] = await Promise.all([
    db
      .selectFrom("signature")
      .select([
        "id",
        "name",
        "status",
        "country",
        "region",
        "wants_updates as wantsUpdates",
        "created_at as createdAt",
        "confirmed_at as confirmedAt",
        "invalidated_at as invalidatedAt",
      ])
      .where("campaign_id", "=", campaign.id)
      .where("email_key", "=", key)
      .execute(),
    db
      .selectFrom("letter as l")
      .leftJoin("outbox_message as m", "m.id", "l.delivery_message_id")
      .select([
        "l.id",
        "l.name",
        undeliveredOr.as("status"),
        "l.subject",
        "l.created_at as createdAt",
        "l.confirmed_at as confirmedAt",
        "l.delivered_at as deliveredAt",
        "l.withdrawn_at as withdrawnAt",
        "l.rejected_at as rejectedAt",
      ])
      .where("l.campaign_id", "=", campaign.id)
      .where("l.email_key", "=", key)
      .execute(),
  ]);
  const signatureIds = signatures.map((s) => s.id);
  const letterIds = letters.map((l) => l.id);
  const emails =
    signatureIds.length + letterIds.length === 0
      ? []
      : await db
          .selectFrom("outbox_message")
          .select([
            "id",
            "kind",
            "status",
            "attempts",
            "last_error as lastError",
            "created_at as createdAt",
            "sent_at as sentAt",
          ])
          .where((eb) =>
            eb.or([
              ...(signatureIds.length ? [eb("signature_id", "in", signatureIds)] : []),
              ...(letterIds.length ? [eb("letter_id", "in", letterIds)] : []),
            ]),
          )
          .orderBy("created_at")
          .execute();
  return { found: signatures.length + letters.length > 0, signatures, letters, emails };
}
