// Accepting an invitation creates the organizer's account (better-auth's user + credential account, the password
// hashed with its scrypt) and membership, and uses the invitation up, in one transaction.
import "server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { z } from "zod";
import { db, transaction } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { AppError } from "@/lib/infra/errors";
import { sha256 } from "@/lib/infra/crypto";
import { recordAudit } from "../record-audit";
import type { acceptInvitationInput } from "./invitation-schema";

export async function acceptInvitation(
  input: z.output<typeof acceptInvitationInput>,
): Promise<{ email: string; organizationId: string }> {
  const invitation = await db
    .selectFrom("invitation")
    .select(["id", "email", "role", "organization_id", "accepted_at", "expires_at"])
    .where("token_hash", "=", sha256(input.token))
    .executeTakeFirst();
  if (!invitation || invitation.accepted_at || invitation.expires_at <= now()) throw new AppError("invitation_invalid");
  const email = invitation.email.trim().toLowerCase();
  const password = await hashPassword(input.password);
  return transaction(async (trx) => {
    const used = await trx
      .updateTable("invitation")
      .set({ accepted_at: now() })
      .where("id", "=", invitation.id)
      .where("accepted_at", "is", null)
      .executeTakeFirst();
    if (used.numUpdatedRows !== 1n) throw new AppError("invitation_invalid");
    // One organization per organizer: an address that belongs to one cannot join another. A removed member's
    // account (kept so logs still name them) gets a new password and joins again.
    const existing = await trx
      .selectFrom("user as u")
      .leftJoin("member as m", "m.user_id", "u.id")
      .select(["u.id", "m.id as memberId"])
      .where("u.email", "=", email)
      .executeTakeFirst();
    if (existing?.memberId) throw new AppError("conflict");
    const userId = existing?.id ?? randomUUID();
    if (existing) {
      await trx.updateTable("user").set({ name: input.name }).where("id", "=", userId).execute();
      await trx.deleteFrom("account").where("user_id", "=", userId).execute();
    } else {
      await trx.insertInto("user").values({ id: userId, email, name: input.name, email_verified: true }).execute();
    }
    await trx
      .insertInto("account")
      .values({ id: randomUUID(), user_id: userId, account_id: userId, provider_id: "credential", password })
      .execute();
    await trx
      .insertInto("member")
      .values({ id: randomUUID(), organization_id: invitation.organization_id, user_id: userId, role: invitation.role })
      .execute();
    await recordAudit(
      trx,
      { organizationId: invitation.organization_id, userId, email },
      "invitation.accepted",
      { id: invitation.id, label: email },
      { role: invitation.role },
    );
    return { email, organizationId: invitation.organization_id };
  });
}
