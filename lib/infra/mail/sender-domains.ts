// The domains a campaign's sender address may be on: MAIL_SENDER_DOMAINS, or else the domain of MAIL_FROM. Mail From
// any other domain would fail the receiver's SPF/DMARC checks for us, or let an organizer pose as someone else.
import { env } from "@/lib/infra/env";

export function allowedSenderDomains(): string[] {
  if (env.MAIL_SENDER_DOMAINS?.length) return env.MAIL_SENDER_DOMAINS;
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(env.MAIL_FROM)?.[1]?.toLowerCase();
  return domain ? [domain] : [];
}
