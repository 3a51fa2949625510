// An owner invites an organizer by email: the invitation row (only the token's hash), its email in the outbox and
// the send job, in one transaction. Inviting an address again replaces its open invitation.
import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { withTransaction } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { newToken } from "@/lib/infra/crypto";
import { boss, onClient, queues } from "@/lib/infra/queue/boss";
import { messageIdFor } from "@/lib/infra/mail/message-id";
import { requireRole } from "../current-organizer";
import type { invitationInput } from "./invitation-schema";
import type { Scope } from "../scope";

export async function inviteMember(scope: Scope, input: z.output<typeof invitationInput>): Promise<{ id: string }> {
  requireRole(scope.organizer, "owner");
  const { token, hash } = newToken();
  const id = randomUUID();
  const outboxId = randomUUID();
  const queue = await boss();
  return withTransaction(async (client) => {
    await client.query(
      `DELETE FROM invitation WHERE organization_id = $1 AND lower(email) = lower($2) AND accepted_at IS NULL`,
      [scope.organizationId, input.email],
    );
    await client.query(
      `INSERT INTO invitation (id, organization_id, email, role, token_hash, expires_at, invited_by_id)
       VALUES ($1, $2, $3, $4::member_role, $5, now() + make_interval(hours => $6::int), $7)`,
      [id, scope.organizationId, input.email, input.role, hash, env.INVITATION_TTL_HOURS, scope.organizer.userId],
    );
    await client.query(
      `INSERT INTO outbox_message (id, kind, "to", locale, payload, message_id)
       VALUES ($1, 'organizer.invitation', $2, $3, jsonb_build_object('token', $4::text, 'invitationId', $5::text), $6)`,
      [outboxId, input.email, input.locale, token, id, messageIdFor(outboxId)],
    );
    await queue.send(queues.mailSend, { outboxId }, { id: outboxId, db: onClient(client) });
    return { id };
  });
}
