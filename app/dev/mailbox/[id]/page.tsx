import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { mailboxAvailable, readMessage } from "@/lib/infra/mail/read-mailbox";

export const dynamic = "force-dynamic";

// Links in the plain-text part become clickable, so a developer can follow a confirmation link.
function Linkified({ text }: { text: string }) {
  return (
    <pre className="mail-text">
      {text.split(/(https?:\/\/[^\s<>"]+)/g).map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (!mailboxAvailable((await headers()).get("host"))) notFound();
  const { id } = await params;
  const message = await readMessage(decodeURIComponent(id));
  if (!message) notFound();
  return (
    <>
      <p>
        <Link href="/dev/mailbox">← All messages</Link>
      </p>
      <h1>{message.subject}</h1>
      <dl className="mail-headers">
        <dt>From</dt>
        <dd>{message.from}</dd>
        <dt>Reply-To</dt>
        <dd data-testid="mail-reply-to">{message.replyTo}</dd>
        <dt>To</dt>
        <dd>{message.to}</dd>
        <dt>Date</dt>
        <dd>{message.date.toISOString()}</dd>
        <dt>Message-ID</dt>
        <dd>
          <code>{message.messageId}</code>
        </dd>
      </dl>
      <h2>Text</h2>
      <Linkified text={message.text} />
      {message.html && (
        <>
          <h2>HTML</h2>
          <iframe
            title="HTML part"
            sandbox=""
            src={`/dev/mailbox/${encodeURIComponent(message.id)}/html`}
            className="mail-html"
          />
        </>
      )}
    </>
  );
}
