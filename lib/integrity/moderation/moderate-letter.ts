// Releases a held letter to the delivery queue (it becomes `confirmed`, which the scheduler picks up) or rejects
// it (never delivered). Only a letter that is still held can change: a second click does nothing.
import "server-only";
import { prisma } from "@/lib/infra/db";
import { AppError } from "@/lib/infra/errors";
import { requireRole } from "@/lib/organizers/current-organizer";
import type { Scope } from "@/lib/organizers/scope";

export async function moderateLetter(scope: Scope, letterId: string, decision: "release" | "reject") {
  const letter = await scope.letter(letterId);
  requireRole(scope.organizer, "editor");
  const updated = await prisma.letter.updateMany({
    where: { id: letter.id, status: "held" },
    data:
      decision === "release"
        ? { status: "confirmed", heldReason: null }
        : { status: "rejected", rejectedAt: new Date() },
  });
  if (updated.count !== 1) throw new AppError("conflict");
  return { id: letter.id, status: decision === "release" ? "confirmed" : "rejected" };
}
