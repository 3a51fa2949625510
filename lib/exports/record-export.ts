// The export log: who exported what, and when. Written before the file is served, so an export that is cut off is
// still on record.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/infra/db";
import type { Scope } from "@/lib/organizers/scope";

export async function recordExport(
  scope: Scope,
  campaignId: string,
  kind: "signers" | "counts" | "letters" | "letters_print",
  options: Record<string, unknown> = {},
): Promise<void> {
  await db
    .insertInto("export_record")
    .values({
      id: randomUUID(),
      organization_id: scope.organizationId,
      campaign_id: campaignId,
      user_id: scope.organizer.userId,
      kind,
      options: JSON.stringify(options),
    })
    .execute();
}
