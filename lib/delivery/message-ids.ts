// Message-IDs of deliveries are derived from what they carry, so a retry (or a second worker) sends the same one
// and a duplicate is recognisable at the target.
import { createHash } from "node:crypto";
import { env } from "@/lib/infra/env";

const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(env.MAIL_FROM)?.[1] ?? "open-letters.localhost";

export function letterMessageId(letterId: string): string {
  return `<letter.${letterId}@${domain}>`;
}

export function digestMessageId(campaignId: string, itemIds: string[]): string {
  const digest = createHash("sha256")
    .update([...itemIds].sort().join("\n"))
    .digest("hex")
    .slice(0, 24);
  return `<digest.${campaignId}.${digest}@${domain}>`;
}
