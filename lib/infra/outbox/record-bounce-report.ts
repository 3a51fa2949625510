// What a bounce or complaint does to the outbox message it is about, once: the same report received again (a sender
// retrying its delivery to us) changes nothing more. Its words go to the message's history (outbox_event), which the
// organizer's delivery panel shows and retention erases with the message's.
import { sql } from "kysely";
import { transaction } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { emailKey } from "@/lib/infra/validation/normalize-email";
import type { BounceReport } from "@/lib/infra/mail/parse-bounce-report";
import { suppressionApplies } from "./message-kinds";

type Outcome = "recorded" | "duplicate" | "unknown_message";

/**
 * - A hard bounce fails the message, with the receiving server's words. A delivery to a campaign's target then shows
 *   as failed and its letters are queued again, as after a refusal at sending time; the target is never suppressed.
 * - Signer and writer mail: a hard bounce or a complaint also puts the address on the suppression list, which every
 *   later message to it obeys (cancel-suppressed-messages.ts). A refusal on policy (5.7.x: spam filters, DMARC) says
 *   more about our mail than about the address: it fails the message without suppressing anyone.
 * - A soft bounce (delayed, or given up on a temporary error) only adds to the history: the sending side retries.
 * `digest`: SHA-256 of the report as received, which tells the same report apart from a second one.
 */
export async function recordBounceReport(outboxId: string, report: BounceReport, digest: Buffer): Promise<Outcome> {
  return transaction(async (trx) => {
    const message = await trx
      .selectFrom("outbox_message")
      .select(["kind", "to"])
      .where("id", "=", outboxId)
      .forUpdate()
      .executeTakeFirst();
    if (!message) return "unknown_message";
    const inserted = await trx
      .insertInto("mail_report")
      .values({ message_id: outboxId, kind: report.type, code: report.code, digest })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (!inserted.numInsertedOrUpdatedRows) return "duplicate";

    const suppress =
      suppressionApplies(message.kind) &&
      message.to !== "" &&
      (report.type === "complaint" || (report.type === "hard_bounce" && !report.code.startsWith("5.7.")));
    let suppressed = false;
    if (suppress) {
      const added = await trx
        .insertInto("suppressed_address")
        .values({
          email_key: emailKey(message.to),
          reason: report.type === "complaint" ? "complaint" : "hard_bounce",
          source_message_id: outboxId,
        })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      suppressed = added.numInsertedOrUpdatedRows === 1n;
    }
    const detail = [
      report.type === "hard_bounce"
        ? `bounced (${report.code}): ${report.detail}`
        : report.type === "soft_bounce"
          ? `temporary failure reported (${report.code}): ${report.detail}`
          : report.detail,
      suppressed ? "no more mail goes to this address" : "",
    ]
      .filter(Boolean)
      .join("; ")
      .slice(0, 1000);

    // Only a sent message can bounce; one already failed (an earlier report) keeps its first reason.
    const failed = report.type === "hard_bounce";
    await sql`
WITH failed AS (
  UPDATE outbox_message SET status = 'failed', last_error = ${detail}, updated_at = ${now()}
   WHERE id = ${outboxId} AND status = 'sent' AND ${failed}
  RETURNING id
), requeued AS (
  UPDATE letter SET status = 'queued', delivered_at = NULL
    FROM failed WHERE letter.delivery_message_id = failed.id AND letter.status = 'delivered'
)
INSERT INTO outbox_event (message_id, status, attempt, detail)
SELECT id, CASE WHEN EXISTS (SELECT 1 FROM failed) THEN 'failed'::outbox_status ELSE status END, attempts, ${detail}
  FROM outbox_message WHERE id = ${outboxId}`.execute(trx);
    return "recorded";
  });
}
