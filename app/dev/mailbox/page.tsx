import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { listMailbox, mailboxAvailable } from "@/lib/infra/mail/read-mailbox";
import { mailboxDir } from "@/lib/infra/mail/transport";

export const dynamic = "force-dynamic";

export default async function MailboxPage() {
  if (!mailboxAvailable((await headers()).get("host"))) notFound();
  const messages = await listMailbox();
  return (
    <>
      <h1>Local mailbox</h1>
      <p className="muted">
        No SMTP relay is configured, so outgoing mail is kept here instead of being sent. Files:{" "}
        <code>{mailboxDir}</code>
      </p>
      {messages.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <table className="mailbox">
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id}>
                <td>{m.date.toISOString().replace("T", " ").slice(0, 19)}</td>
                <td>{m.to}</td>
                <td>
                  <Link href={`/dev/mailbox/${encodeURIComponent(m.id)}`}>{m.subject}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
