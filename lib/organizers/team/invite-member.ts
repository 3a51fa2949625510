// An owner invites an organizer by email: the invitation row (only the token's hash), and its email in the outbox,
// in one transaction. Inviting an address again replaces its open invitation; an address that already
// belongs to an organizer is refused at once (one organization per organizer), not when the invitee accepts.
import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { db, transaction, type Transaction } from "@/lib/infra/db";
import { nowMs } from "@/lib/infra/clock";
import { env } from "@/lib/infra/env";
import { AppError } from "@/lib/infra/errors";
import { newToken } from "@/lib/infra/crypto";
import type { MessageKind } from "@/lib/infra/outbox/message-kinds";
import { messageIdFor } from "@/lib/infra/mail/message-id";
import { requireRole } from "../current-organizer";
import { recordAudit } from "../record-audit";
import type { invitationInput } from "./invitation-schema";
import type { Scope } from "../scope";

type Invite = z.output<typeof invitationInput>;

export async function inviteMember(scope: Scope, input: Invite): Promise<{ id: string }> {
  requireRole(scope.organizer, "owner");
  await refuseExistingOrganizer(input.email);
  return transaction(async (trx) => {
    const invited = await queueInvitation(trx, scope, input);
    await recordAudit(trx, scope, "member.invited", { id: invited.id, label: input.email }, { role: input.role });
    return invited;
  });
}

/** An address with a membership (here or elsewhere) cannot accept an invitation: say so on the form's field. */
export async function refuseExistingOrganizer(email: string): Promise<void> {
  const member = await db
    .selectFrom("user as u")
    .innerJoin("member as m", "m.user_id", "u.id")
    .select("u.id")
    .where((eb) => eb(eb.fn("lower", ["u.email"]), "=", email.trim().toLowerCase()))
    .executeTakeFirst();
  if (member) {
    throw new AppError("conflict", undefined, {
      email: { code: "already_organizer", message: "already_organizer" },
    });
  }
}

/** A fresh invitation (new token, new expiry) for the address, replacing any open one, with its email queued. */
export async function queueInvitation(trx: Transaction, scope: Scope, input: Invite): Promise<{ id: string }> {
  const { token, hash } = newToken();
  const id = randomUUID();
  const outboxId = randomUUID();
  const expiresAt = new Date(nowMs() + env.INVITATION_TTL_HOURS * 3600_000);
  await trx
    .deleteFrom("invitation")
    .where("organization_id", "=", scope.organizationId)
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", eb.fn("lower", [eb.val(input.email)])))
    .where("accepted_at", "is", null)
    .execute();
  await trx
    .insertInto("invitation")
    .values({
      id,
      organization_id: scope.organizationId,
      email: input.email,
      role: input.role,
      token_hash: hash,
      expires_at: expiresAt,
      invited_by_id: scope.organizer.userId,
    })
    .execute();
  await trx
    .insertInto("outbox_message")
    .values({
      id: outboxId,
      kind: "organizer.invitation" satisfies MessageKind,
      to: input.email,
      locale: input.locale,
      payload: JSON.stringify({ token, invitationId: id }),
      message_id: messageIdFor(outboxId),
    })
    .execute();
  return { id };
}
