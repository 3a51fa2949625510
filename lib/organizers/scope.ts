// The one data-access layer for organizer reads and writes: every query for a campaign, letter, export or abuse
// action goes through a scope built from the session's organization. Anything outside it (or a malformed id) is `not_found`,
// never `forbidden`: another organization's ids are not even confirmed to exist.
import "server-only";
import { prisma } from "@/lib/infra/db";
import { AppError } from "@/lib/infra/errors";
import type { Organizer } from "./current-organizer";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Scope = ReturnType<typeof scopeFor>;

export function scopeFor(organizer: Organizer) {
  const organizationId = organizer.organizationId;
  return {
    organizer,
    organizationId,
    /** A Prisma `where` for campaigns of this organization. */
    campaigns: { organizationId },
    /** The campaign with this id, if it belongs to this organization; otherwise 404. */
    async campaign(id: string) {
      if (!uuid.test(id)) throw new AppError("not_found");
      const campaign = await prisma.campaign.findFirst({ where: { id, organizationId } });
      if (!campaign) throw new AppError("not_found");
      return campaign;
    },
    /** The letter with this id, if its campaign belongs to this organization; otherwise 404. */
    async letter(id: string) {
      if (!uuid.test(id)) throw new AppError("not_found");
      const letter = await prisma.letter.findFirst({ where: { id, campaign: { organizationId } } });
      if (!letter) throw new AppError("not_found");
      return letter;
    },
    /** The organizer action on suspicious activity (lib/abuse-signals) with this id, if it is this organization's. */
    async abuseAction(id: string) {
      if (!uuid.test(id)) throw new AppError("not_found");
      const action = await prisma.abuseAction.findFirst({ where: { id, organizationId } });
      if (!action) throw new AppError("not_found");
      return action;
    },
  };
}
