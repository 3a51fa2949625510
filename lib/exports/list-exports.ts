// The organization's export log, newest first: for owners only.
import "server-only";
import { prisma } from "@/lib/infra/db";
import { requireRole } from "@/lib/organizers/current-organizer";
import type { Scope } from "@/lib/organizers/scope";

export async function listExports(scope: Scope, take = 200) {
  requireRole(scope.organizer, "owner");
  const rows = await prisma.exportRecord.findMany({
    where: { organizationId: scope.organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      kind: true,
      options: true,
      createdAt: true,
      campaign: { select: { id: true, slug: true } },
      user: { select: { email: true, name: true } },
    },
  });
  return rows;
}
