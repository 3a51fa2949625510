import { mailboxAvailable, readMessage } from "@/lib/infra/mail/read-mailbox";

type Context = { params: Promise<{ id: string }> };

// GET /dev/mailbox/[id]/html – an email's HTML part as its own document, for the message page's frame. A srcdoc
// frame would inherit the page's CSP, which refuses the inline styles emails are made of; this document gets a
// policy of its own instead (proxy.ts, route kind "mail-preview": inline styles, no scripts, no fetches, sandboxed).
export async function GET(request: Request, { params }: Context) {
  const message = mailboxAvailable(request.headers.get("host"))
    ? await readMessage(decodeURIComponent((await params).id))
    : null;
  if (!message?.html)
    return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(message.html, {
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
