// The organizer's organization as readers of one language see it (its translated name, else its own name).
import "server-only";
import { db } from "@/lib/infra/db";
import { organizationNameIn } from "@/lib/campaigns/organization-name";
import type { Scope } from "./scope";

export async function organizationDisplayName(scope: Scope, locale: string): Promise<string> {
  const row = await db
    .selectFrom("organization as o")
    .select(organizationNameIn(locale).as("name"))
    .where("o.id", "=", scope.organizationId)
    .executeTakeFirst();
  return row?.name ?? scope.organizer.organizationName;
}
