// Message-IDs of deliveries are derived from what they carry (and to whom), so a retry (or a second worker) sends the
// same one and a duplicate is recognisable at the target. A campaign's first target keeps the form its deliveries had
// before campaigns could have several; every other target's carry its id.
import { createHash } from "node:crypto";
import { env } from "@/lib/infra/env";

const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(env.MAIL_FROM)?.[1] ?? "open-letters.localhost";

/** The target part of a Message-ID: nothing for a campaign's first target. */
export type TargetKey = { id: string; position: number } | null;

const suffix = (target: TargetKey = null) => (target && target.position > 0 ? `.${target.id}` : "");

export function letterMessageId(letterId: string, target: TargetKey = null): string {
  return `<letter.${letterId}${suffix(target)}@${domain}>`;
}

export function digestMessageId(campaignId: string, itemIds: string[], target: TargetKey = null): string {
  const digest = createHash("sha256")
    .update([...itemIds].sort().join("\n"))
    .digest("hex")
    .slice(0, 24);
  return `<digest.${campaignId}${suffix(target)}.${digest}@${domain}>`;
}

export function bundleMessageId(bundleId: string, target: TargetKey = null): string {
  return `<bundle.${bundleId}${suffix(target)}@${domain}>`;
}
