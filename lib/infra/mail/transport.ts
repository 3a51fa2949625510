// The one way mail leaves the app. With SMTP settings it goes to that relay; without, each message is written
// as an .eml file to the local mailbox (MAILBOX_DIR), which /dev/mailbox shows to developers.
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { composeMail } from "./compose-mail";
import { createSmtpPool } from "./smtp-pool";
import { signMail } from "./dkim";
import { ourEnvelope } from "./bounce-address";
import { env, usesLocalMailbox } from "@/lib/infra/env";

export type SentInfo = { messageId: string; response: string };
/**
 * `startBy`: the time (ms since the epoch) after which the message must not start going out at all. `outboxId`: the
 * outbox message it is, named by its bounce address (lib/infra/mail/bounce-address.ts).
 */
export type MailTransport = {
  send(
    message: SendMailOptions & { messageId: string },
    options?: { startBy?: number; outboxId?: string },
  ): Promise<SentInfo>;
  close(): void;
};

export const mailboxDir = resolve(env.MAILBOX_DIR);

function smtpSettings(): { host: string; port: number; secure: boolean; user?: string; pass?: string } {
  if (env.SMTP_URL) {
    const url = new URL(env.SMTP_URL);
    const secure = url.protocol === "smtps:";
    return {
      host: url.hostname,
      port: Number(url.port) || (secure ? 465 : 587),
      secure,
      user: url.username ? decodeURIComponent(url.username) : undefined,
      pass: url.password ? decodeURIComponent(url.password) : undefined,
    };
  }
  return {
    host: env.SMTP_HOST!,
    port: env.SMTP_PORT,
    secure: env.SMTP_SECURE,
    user: env.SMTP_USER,
    pass: env.SMTP_PASSWORD,
  };
}

/** SMTP connections per process. */
const connections = 5;

function smtpTransport(): MailTransport {
  const s = smtpSettings();
  const pool = createSmtpPool({
    host: s.host,
    port: s.port,
    secure: s.secure,
    user: s.user,
    pass: s.pass,
    connections,
    maxMessages: 100,
    idleMs: 30_000,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    async send(message, options = {}) {
      // Composed in memory first: the pool gets the whole message, so a message that waited too long for a
      // connection (its claim about to lapse, when another worker may take it over) is given back unsent.
      const { envelope, raw } = await composeMail(message);
      // Signed (DKIM), and sent from its own bounce address: lib/mail/dkim.ts, lib/mail/bounce-address.ts.
      const info = await pool.send(ourEnvelope(envelope, options.outboxId), await signMail(raw), options.startBy);
      return { messageId: message.messageId, response: info.response };
    },
    close: () => pool.close(),
  };
}

function mailboxTransport(): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(message) {
      const info = await composer.sendMail(message);
      await mkdir(mailboxDir, { recursive: true });
      // One file per message id: a retried message replaces its earlier copy, as a mailbox deduplicates.
      const name = `${message.messageId.replace(/[^A-Za-z0-9.@-]/g, "")}.eml`;
      const tmp = join(mailboxDir, `.${name}.tmp`);
      // Signed like relayed mail, so that a developer sees the DKIM-Signature field.
      await writeFile(tmp, await signMail(info.message as Buffer));
      await rename(tmp, join(mailboxDir, name));
      return { messageId: info.messageId, response: `250 kept in local mailbox ${name}` };
    },
    close() {},
  };
}

let current: MailTransport | undefined;
export function mailTransport(): MailTransport {
  current ??= usesLocalMailbox ? mailboxTransport() : smtpTransport();
  return current;
}

export function closeMailTransport(): void {
  current?.close();
  current = undefined;
}
