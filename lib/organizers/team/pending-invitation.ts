// An open invitation of this organization (not accepted), or 404: what resend and revoke act on.
import "server-only";
import { sql } from "kysely";
import type { Transaction } from "@/lib/infra/db";
import { AppError } from "@/lib/infra/errors";
import { isLocale, type Locale } from "@/lib/infra/i18n/config";
import type { Scope } from "../scope";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function pendingInvitation(trx: Transaction, scope: Scope, id: string) {
  if (!uuid.test(id)) throw new AppError("not_found");
  const invitation = await trx
    .selectFrom("invitation as i")
    .select((eb) => [
      "i.id",
      "i.email",
      "i.role",
      // The language its email was written in, so a resent one reads the same.
      eb
        .selectFrom("outbox_message as o")
        .select("o.locale")
        .where("o.kind", "=", "organizer.invitation")
        .where(sql<string>`o.payload->>'invitationId'`, "=", sql<string>`i.id::text`)
        .limit(1)
        .as("locale"),
    ])
    .where("i.id", "=", id)
    .where("i.organization_id", "=", scope.organizationId)
    .where("i.accepted_at", "is", null)
    .forUpdate("i")
    .executeTakeFirst();
  if (!invitation) throw new AppError("not_found");
  const locale: Locale = invitation.locale && isLocale(invitation.locale) ? invitation.locale : "en";
  return { ...invitation, locale };
}
