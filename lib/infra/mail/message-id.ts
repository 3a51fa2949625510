import { env } from "@/lib/infra/env";

const fromDomain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(env.MAIL_FROM)?.[1] ?? "open-letters.localhost";

/** The Message-ID of an outbox message: derived from its id, so every attempt sends the same one. */
export function messageIdFor(outboxId: string): string {
  return `<${outboxId}@${fromDomain}>`;
}
