// The one data-access layer for organizer reads and writes: every query for a campaign, letter, export or abuse
// action goes through a scope built from the session's organization. Anything outside it (or a malformed id) is
// `not_found`, never `forbidden`: another organization's ids are not even confirmed to exist.
import "server-only";
import { db } from "@/lib/infra/db";
import { AppError } from "@/lib/infra/errors";
import type { Organizer } from "./current-organizer";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Scope = ReturnType<typeof scopeFor>;

function found<T>(row: T | undefined): T {
  if (!row) throw new AppError("not_found");
  return row;
}

export function scopeFor(organizer: Organizer) {
  const organizationId = organizer.organizationId;
  return {
    organizer,
    organizationId,
    /** The campaign with this id, if it belongs to this organization; otherwise 404. */
    async campaign(id: string) {
      if (!uuid.test(id)) throw new AppError("not_found");
      return found(
        await db
          .selectFrom("campaign")
          .select([
            "id",
            "organization_id as organizationId",
            "slug",
            "status",
            "goal",
            "target_email as targetEmail",
            "sender_email as senderEmail",
            "default_locale as defaultLocale",
            "letter_delivery as letterDelivery",
            "risk",
            "digest_interval_minutes as digestIntervalMinutes",
            "throttle_per_minute as throttlePerMinute",
            "letter_hold_hours as letterHoldHours",
            "hold_until as holdUntil",
            "opens_at as opensAt",
            "closes_at as closesAt",
            "closed_at as closedAt",
          ])
          .where("id", "=", id)
          .where("organization_id", "=", organizationId)
          .executeTakeFirst(),
      );
    },
    /** The letter with this id, if its campaign belongs to this organization; otherwise 404. */
    async letter(id: string) {
      if (!uuid.test(id)) throw new AppError("not_found");
      return found(
        await db
          .selectFrom("letter as l")
          .innerJoin("campaign as c", "c.id", "l.campaign_id")
          .select(["l.id", "l.campaign_id as campaignId", "l.status"])
          .where("l.id", "=", id)
          .where("c.organization_id", "=", organizationId)
          .executeTakeFirst(),
      );
    },
    /** The action on suspicious activity (lib/integrity/signals) with this id, if it is this organization's. */
    async abuseAction(id: string) {
      if (!uuid.test(id)) throw new AppError("not_found");
      return found(
        await db
          .selectFrom("abuse_action")
          .select(["id", "campaign_id as campaignId", "kind", "created_at as createdAt", "restored_at as restoredAt"])
          .where("id", "=", id)
          .where("organization_id", "=", organizationId)
          .executeTakeFirst(),
      );
    },
  };
}
