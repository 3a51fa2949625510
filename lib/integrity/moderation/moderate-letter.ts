// Releases a held letter to the delivery queue (it becomes `confirmed`, which the scheduler picks up) or rejects
// it (never delivered). Only a letter that is still held can change: a second click does nothing.
import "server-only";
import { db } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";
import { AppError } from "@/lib/infra/errors";
import { requireRole } from "@/lib/organizers/current-organizer";
import type { Scope } from "@/lib/organizers/scope";

export async function moderateLetter(scope: Scope, letterId: string, decision: "release" | "reject") {
  const letter = await scope.letter(letterId);
  requireRole(scope.organizer, "editor");
  const updated = await db
    .updateTable("letter")
    .set(
      decision === "release" ? { status: "confirmed", held_reason: null } : { status: "rejected", rejected_at: now() },
    )
    .where("id", "=", letter.id)
    .where("status", "=", "held")
    .executeTakeFirst();
  if (updated.numUpdatedRows !== 1n) throw new AppError("conflict");
  return { id: letter.id, status: decision === "release" ? "confirmed" : "rejected" };
}
