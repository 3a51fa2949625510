// The local mailbox that development keeps instead of sending: one .eml file per message in MAILBOX_DIR.
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { env, usesLocalMailbox } from "../env";
import { mailboxDir } from "./transport";

/** The local mailbox exists only where mail is kept locally, and never in production. */
export function mailboxAvailable(): boolean {
  return env.APP_ENV !== "production" && usesLocalMailbox;
}

export type MailboxEntry = { id: string; to: string; subject: string; date: Date };
export type MailboxMessage = MailboxEntry & { from: string; messageId: string; text: string; html: string | null };

export async function listMailbox(limit = 200): Promise<MailboxEntry[]> {
  if (!mailboxAvailable()) return [];
  let names: string[];
  try {
    names = (await readdir(mailboxDir)).filter((n) => n.endsWith(".eml"));
  } catch {
    return [];
  }
  const files = await Promise.all(names.map(async (name) => ({ name, mtime: (await stat(join(mailboxDir, name))).mtimeMs })));
  files.sort((a, b) => b.mtime - a.mtime);
  return Promise.all(
    files.slice(0, limit).map(async ({ name }) => {
      const m = await readMessage(name.slice(0, -4));
      return { id: m!.id, to: m!.to, subject: m!.subject, date: m!.date };
    }),
  );
}

export async function readMessage(id: string): Promise<MailboxMessage | null> {
  if (!mailboxAvailable() || !/^[A-Za-z0-9.@-]+$/.test(id)) return null;
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
    subject: parsed.subject ?? "",
    date: parsed.date ?? new Date(0),
    messageId: parsed.messageId ?? "",
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : null,
  };
}
