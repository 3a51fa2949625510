// Types shared by the outbox's writers (domain code that queues mail) and its sender.
import type { SendMailOptions } from "nodemailer";
import type { MessageKind } from "./message-kinds";

export type { MessageKind } from "./message-kinds";

/** An outbox row as the sender claims it. */
export type OutboxRow = {
  id: string;
  kind: MessageKind;
  to: string;
  locale: string;
  payload: Record<string, unknown>;
  message_id: string;
  signature_id: string | null;
  letter_id: string | null;
  campaign_id: string | null;
};

/** What a renderer makes of a row: the message itself. `from` defaults to MAIL_FROM. */
export type MailContent = {
  subject: string;
  text: string;
  html: string;
  from?: string | { name: string; address: string };
  replyTo?: string | { name: string; address: string };
  attachments?: SendMailOptions["attachments"];
  headers?: Record<string, string>;
};

/**
 * Renders one kind of outbox message. Returns null when the message should no longer be sent (its subject was
 * withdrawn or deleted); the message is then cancelled.
 */
export type Renderer = (message: OutboxRow) => Promise<MailContent | null>;

/**
 * A kind of outbox message: how it is rendered, and (optionally) what happens to what it carried once it settles:
 * one SQL statement reading `m (id, status)`, the messages just settled and their outcome ('sent' | 'failed' |
 * 'cancelled', or 'pending' for a retry), run as part of the statement that records the outcomes.
 */
export type MailKind = {
  render: Renderer;
  /** Renders many messages of the kind at once (one read for the batch, where `render` would make one each). */
  renderMany?: (messages: OutboxRow[]) => Promise<Map<string, MailContent | null>>;
  settledSql?: string;
};

/** How to send every kind of message (message-kinds.ts): the worker's composition root (lib/worker/mail-kinds.ts). */
export type MailKinds = { [K in MessageKind]: MailKind };
