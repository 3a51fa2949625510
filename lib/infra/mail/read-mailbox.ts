// The local mailbox that development keeps instead of sending: one .eml file per message in MAILBOX_DIR.
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { env, usesLocalMailbox } from "@/lib/infra/env";
import { mailboxDir } from "./transport";

/** Mail is kept in the local mailbox only where no relay is configured, and never in production. */
function mailKeptLocally(): boolean {
  return env.APP_ENV !== "production" && usesLocalMailbox;
}

/**
 * Whether the mailbox may answer a request that named `host` (its Host header). Only for this machine's own names and
 * APP_URL's host: a page on another site that points its own name at 127.0.0.1 (DNS rebinding) sends its own name,
 * and must not read confirmation, withdraw and invitation links.
 */
export function mailboxAvailable(host: string | null): boolean {
  if (!mailKeptLocally() || !host) return false;
  let name: string;
  try {
    name = new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
  const loopback =
    name === "localhost" || name.endsWith(".localhost") || name === "[::1]" || /^127(\.\d{1,3}){3}$/.test(name);
  return loopback || name === new URL(env.APP_URL).hostname;
}

export type MailboxEntry = { id: string; to: string; subject: string; date: Date };
export type MailboxMessage = MailboxEntry & {
  from: string;
  replyTo: string;
  messageId: string;
  text: string;
  html: string | null;
};

export async function listMailbox(limit = 200): Promise<MailboxEntry[]> {
  if (!mailKeptLocally()) return [];
  let names: string[];
  try {
    names = (await readdir(mailboxDir)).filter((n) => n.endsWith(".eml"));
  } catch {
    return [];
  }
  const files = await Promise.all(
    names.map(async (name) => ({ name, mtime: (await stat(join(mailboxDir, name))).mtimeMs })),
  );
  files.sort((a, b) => b.mtime - a.mtime);
  return Promise.all(
    files.slice(0, limit).map(async ({ name }) => {
      const m = await readMessage(name.slice(0, -4));
      return { id: m!.id, to: m!.to, subject: m!.subject, date: m!.date };
    }),
  );
}

export async function readMessage(id: string): Promise<MailboxMessage | null> {
  if (!mailKeptLocally() || !/^[A-Za-z0-9.@-]+$/.test(id)) return null;
  let raw: Buffer;
  try {
    raw = await readFile(join(mailboxDir, `${id}.eml`));
  } catch {
    return null;
  }
  const parsed = await simpleParser(raw);
  const addresses = (v: typeof parsed.to) => (Array.isArray(v) ? v.map((a) => a.text).join(", ") : (v?.text ?? ""));
  return {
    id,
    to: addresses(parsed.to),
    from: parsed.from?.text ?? "",
    replyTo: parsed.replyTo?.text ?? "",
    subject: parsed.subject ?? "",
    date: parsed.date ?? new Date(0),
    messageId: parsed.messageId ?? "",
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : null,
  };
}
