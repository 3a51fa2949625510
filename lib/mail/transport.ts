// The one way mail leaves the app. With SMTP settings it goes to that relay; without, each message is written
// as an .eml file to the local mailbox (MAILBOX_DIR), which /dev/mailbox shows to developers.
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
import { env, usesLocalMailbox } from "../env";

export type SentInfo = { messageId: string; response: string };
/** `startBy`: the time (ms since the epoch) after which the message must not start going out at all. */
export type MailTransport = { send(message: SendMailOptions & { messageId: string }, options?: { startBy?: number }): Promise<SentInfo>; close(): void };

/** The message never left: it waited for a connection past its `startBy`. Safe to try again, nothing was sent. */
export class SendNotStartedError extends Error {}

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
  return { host: env.SMTP_HOST!, port: env.SMTP_PORT, secure: env.SMTP_SECURE, user: env.SMTP_USER, pass: env.SMTP_PASSWORD };
}

/** SMTP connections per process. */
const connections = 5;

/** Runs at most `n` of the given tasks at once, the rest in order as slots free up. */
function limit(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active < n) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      // The slot goes straight to the next in line, if any.
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

function smtpTransport(): MailTransport {
  const s = smtpSettings();
  const transporter: Transporter = nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.secure,
    auth: s.user ? { user: s.user, pass: s.pass ?? "" } : undefined,
    pool: true,
    maxConnections: connections,
    // The job queue alone decides about retries: a pooled connection must not re-send a message by itself.
    maxRequeues: 0,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  // Each message is composed in memory first and handed to the pool whole: streamed as it is composed, every header
  // and part went to the socket as its own write, which cost more than composing it.
  // The pool gets a message only when one of its connections is about to be free, so a message that waited too long
  // (its claim about to lapse, when another worker may take it over) is given back unsent instead of sent late.
  const handOff = limit(2 * connections);
  return {
    async send(message, options = {}) {
      const node = new MailComposer(message).compile();
      const raw = await node.build();
      const info = await handOff(() => {
        if (options.startBy !== undefined && Date.now() > options.startBy) throw new SendNotStartedError("waited too long for a relay connection");
        return transporter.sendMail({ envelope: node.getEnvelope(), raw });
      });
      return { messageId: message.messageId, response: String(info.response ?? "") };
    },
    close: () => transporter.close(),
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
      await writeFile(tmp, info.message as Buffer);
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
