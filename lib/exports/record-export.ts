// The export log: who exported what, and when. Written before the file is served, so an export that is cut off is
// still on record.
import "server-only";
import { prisma } from "@/lib/infra/db";
import type { Scope } from "@/lib/organizers/scope";

export async function recordExport(
  scope: Scope,
  campaignId: string,
  kind: "signers" | "counts",
  options: Record<string, unknown> = {},
) {
  return prisma.exportRecord.create({
    data: {
      organizationId: scope.organizationId,
      campaignId,
      userId: scope.organizer.userId,
      kind,
      options: options as object,
    },
  });
}
