// Whether an invitation link may show the set-password form: a token we issued, not used yet, not expired. A forged
// or stale link shows only "not valid", so nobody is asked for a password a link can never accept.
import "server-only";
import { db } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { sha256 } from "@/lib/infra/crypto";

export async function invitationIsOpen(token: string): Promise<boolean> {
  if (token.length < 20 || token.length > 100) return false;
  const invitation = await db
    .selectFrom("invitation")
    .select(["accepted_at", "expires_at"])
    .where("token_hash", "=", sha256(token))
    .executeTakeFirst();
  return !!invitation && !invitation.accepted_at && invitation.expires_at > now();
}
