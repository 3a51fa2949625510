// An organizer approves or rejects a signer's reason for the public wall. Only editors and owners decide; the
// decision is recorded in the organization's audit log (who, when) and the wall's cached pages are dropped at once,
// so an approved reason appears and nothing waits on a stale copy. A reason is decided once: a second click, or a
// signer who left the wall meanwhile (withdrew, was struck out), is a conflict and changes nothing.
import "server-only";
import { now } from "@/lib/infra/clock";
import { db, transaction } from "@/lib/infra/db";
import { AppError } from "@/lib/infra/errors";
import { requireRole } from "@/lib/organizers/current-organizer";
import { recordAudit } from "@/lib/organizers/record-audit";
import { revalidateCampaign } from "@/lib/organizers/campaigns/revalidate-campaign";
import type { Scope } from "@/lib/organizers/scope";
import { sql } from "kysely";
import { onTheWall } from "./wall-rule";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ReasonDecision = "approve" | "reject";

export async function reviewReason(scope: Scope, signatureId: string, decision: ReasonDecision) {
  if (!uuid.test(signatureId)) throw new AppError("not_found");
  const signature = await db
    .selectFrom("signature as s")
    .innerJoin("campaign as c", "c.id", "s.campaign_id")
    .select(["s.id", "c.id as campaignId", "c.slug"])
    .where("s.id", "=", signatureId)
    .where("c.organization_id", "=", scope.organizationId)
    .executeTakeFirst();
  if (!signature) throw new AppError("not_found");
  requireRole(scope.organizer, "editor");
  const review = decision === "approve" ? "approved" : "rejected";
  const at = now();
  await transaction(async (trx) => {
    const updated = await trx
      .updateTable("signature as s")
      .set({ comment_review: review, comment_reviewed_at: at })
      .where("s.id", "=", signature.id)
      .where("s.comment_review", "is", null)
      .where(onTheWall)
      .where(sql<boolean>`btrim(coalesce(s.comment, '')) <> ''`)
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) throw new AppError("conflict");
    await recordAudit(
      trx,
      scope,
      review === "approved" ? "signer.reason_approved" : "signer.reason_rejected",
      { id: signature.id, label: signature.slug },
      { campaignId: signature.campaignId },
    );
  });
  revalidateCampaign(signature.slug);
  return { id: signature.id, review };
}
