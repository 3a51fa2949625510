// Sends one outbox message. Called by the mail worker for each job; safe to call again for the same message
// (after a crash, or by a second worker): a message already sent, failed or cancelled is left alone, and a
// re-send reuses the stored Message-ID.
import { db, pool } from "../db";
import { env } from "../env";
import { mailTransport } from "./transport";
import { renderSignatureMail, type RenderedMail, type SignatureMailContext } from "./templates";

export type Attempt = { retryCount: number; retryLimit: number };
export type DeliveryOutcome = "sent" | "failed" | "cancelled" | "skipped";

/** Thrown for a temporary failure: the queue retries the job later, with backoff. */
export class RetryableMailError extends Error {}

type Claimed = { id: string; kind: string; to: string; locale: string; payload: Record<string, unknown>; message_id: string; signature_id: string | null };

export async function deliverOutboxMessage(id: string, attempt: Attempt): Promise<DeliveryOutcome> {
  const { rows } = await pool.query<Claimed>(
    `UPDATE outbox_message SET status = 'sending', attempts = attempts + 1, updated_at = now()
      WHERE id = $1 AND status IN ('pending', 'sending')
      RETURNING id, kind, "to", locale, payload, message_id, signature_id`,
    [id],
  );
  const message = rows[0];
  if (!message) return "skipped";

  const rendered = await render(message);
  if (!rendered) {
    await finish(id, "cancelled", { error: "the signature was withdrawn before the message was sent" });
    return "cancelled";
  }

  try {
    const info = await mailTransport().send({
      messageId: message.message_id,
      from: env.MAIL_FROM,
      to: message.to,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
    });
    await finish(id, "sent", { response: info.response });
    return "sent";
  } catch (err) {
    const reason = describe(err);
    if (isPermanent(err)) {
      await finish(id, "failed", { error: reason });
      return "failed";
    }
    if (attempt.retryCount >= attempt.retryLimit) {
      await finish(id, "failed", { error: `gave up after ${attempt.retryCount + 1} attempts: ${reason}` });
      return "failed";
    }
    await pool.query(`UPDATE outbox_message SET status = 'pending', last_error = $2, updated_at = now() WHERE id = $1`, [id, reason]);
    throw new RetryableMailError(reason);
  }
}

async function finish(id: string, status: "sent" | "failed" | "cancelled", detail: { response?: string; error?: string }) {
  // Secrets in the payload (a confirmation token) are not needed once the message is settled.
  await pool.query(
    `UPDATE outbox_message
        SET status = $2::outbox_status, response = COALESCE($3, response), last_error = $4, payload = payload - 'token',
            sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END, updated_at = now()
      WHERE id = $1`,
    [id, status, detail.response ?? null, detail.error ?? null],
  );
}

async function render(message: Claimed): Promise<RenderedMail | null> {
  if (message.kind === "signature.confirm" || message.kind === "signature.already_confirmed") {
    if (!message.signature_id) return null;
    const signature = await db.signature.findUnique({
      where: { id: message.signature_id },
      select: {
        name: true,
        campaign: { select: { defaultLocale: true, organization: { select: { name: true } }, translations: { select: { locale: true, title: true } } } },
      },
    });
    if (!signature) return null;
    const { translations } = signature.campaign;
    const text = translations.find((t) => t.locale === message.locale) ?? translations.find((t) => t.locale === signature.campaign.defaultLocale) ?? translations[0];
    const ctx: SignatureMailContext = {
      kind: message.kind,
      locale: message.locale,
      signatureId: message.signature_id,
      signerName: signature.name,
      campaignTitle: text?.title ?? "",
      organizationName: signature.campaign.organization.name,
      token: typeof message.payload.token === "string" ? message.payload.token : undefined,
    };
    return renderSignatureMail(ctx);
  }
  throw new Error(`no template for outbox message kind ${message.kind}`);
}

type SmtpError = Error & { responseCode?: number; code?: string; response?: string };

/** 5xx from the relay is final; 4xx, timeouts and dropped connections are worth another try. */
export function isPermanent(err: unknown): boolean {
  const code = (err as SmtpError)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

function describe(err: unknown): string {
  const e = err as SmtpError;
  const parts = [e?.response ?? e?.message ?? String(err)];
  if (e?.code && !parts[0]!.includes(e.code)) parts.push(`(${e.code})`);
  return parts.join(" ").slice(0, 1000);
}
