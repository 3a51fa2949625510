// What a bounce or complaint does to the outbox message it is about, once: the same report received again (a sender
// retrying its delivery to us) changes nothing more. Its words go to the message's history (outbox_event), which the
// organizer's delivery panel shows and retention erases with the message's.
import { withTransaction } from "@/lib/infra/db";
import { emailKey } from "@/lib/infra/validation/normalize-email";
import type { BounceReport } from "@/lib/infra/mail/parse-bounce-report";
import { suppressionApplies } from "./cancel-suppressed-messages";

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
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ kind: string; to: string }>(
      `SELECT kind, "to" FROM outbox_message WHERE id = $1 FOR UPDATE`,
      [outboxId],
    );
    const message = rows[0];
    if (!message) return "unknown_message";
    const { rowCount } = await client.query(
      `INSERT INTO mail_report (message_id, kind, code, digest) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [outboxId, report.type, report.code, digest],
    );
    if (!rowCount) return "duplicate";

    const suppress =
      suppressionApplies(message.kind) &&
      message.to !== "" &&
      (report.type === "complaint" || (report.type === "hard_bounce" && !report.code.startsWith("5.7.")));
    let suppressed = false;
    if (suppress) {
      const inserted = await client.query(
        `INSERT INTO suppressed_address (email_key, reason, source_message_id) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING`,
        [emailKey(message.to), report.type, outboxId],
      );
      suppressed = inserted.rowCount === 1;
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
    await client.query(
      `WITH failed AS (
         UPDATE outbox_message SET status = 'failed', last_error = $2, updated_at = now()
          WHERE id = $1 AND status = 'sent' AND $3
          RETURNING id
       ), requeued AS (
         UPDATE letter SET status = 'queued', delivered_at = NULL
           FROM failed WHERE letter.delivery_message_id = failed.id AND letter.status = 'delivered'
       )
       INSERT INTO outbox_event (message_id, status, attempt, detail)
       SELECT id, CASE WHEN EXISTS (SELECT 1 FROM failed) THEN 'failed'::outbox_status ELSE status END, attempts, $2
         FROM outbox_message WHERE id = $1`,
      [outboxId, detail, report.type === "hard_bounce"],
    );
    return "recorded";
  });
}
