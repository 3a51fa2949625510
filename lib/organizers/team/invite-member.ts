// An owner invites an organizer by email: the invitation row (only the token's hash) and its email in the outbox,
// in one transaction. Inviting an address again replaces its open invitation.
import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { transaction } from "@/lib/infra/db";
import { nowMs } from "@/lib/infra/clock";
import { env } from "@/lib/infra/env";
import { newToken } from "@/lib/infra/crypto";
import type { MessageKind } from "@/lib/infra/outbox/message-kinds";
import { messageIdFor } from "@/lib/infra/mail/message-id";
import { requireRole } from "../current-organizer";
import type { invitationInput } from "./invitation-schema";
import type { Scope } from "../scope";

export async function inviteMember(scope: Scope, input: z.output<typeof invitationInput>): Promise<{ id: string }> {
  requireRole(scope.organizer, "owner");
  const { token, hash } = newToken();
  const id = randomUUID();
  const outboxId = randomUUID();
  const expiresAt = new Date(nowMs() + env.INVITATION_TTL_HOURS * 3600_000);
  return transaction(async (trx) => {
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
  });
}
