// Who is asking: the signed-in organizer and their organization, read from the server-side session only. Nothing a
// client sends (path, header, body) can choose the organization.
import "server-only";
import { getAuth } from "./auth/auth";
import { db } from "@/lib/infra/db";
import { AppError } from "@/lib/infra/errors";
import type { MemberRole } from "@/lib/generated/kysely/enums";

export type Organizer = {
  userId: string;
  email: string;
  name: string;
  organizationId: string;
  organizationName: string;
  role: MemberRole;
};

export async function currentOrganizer(headers: Headers): Promise<Organizer | null> {
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  const member = await db
    .selectFrom("member as m")
    .innerJoin("organization as o", "o.id", "m.organization_id")
    .select(["m.role", "o.id as organization_id", "o.name as organization_name"])
    .where("m.user_id", "=", session.user.id)
    .executeTakeFirst();
  if (!member) return null;
  return {
    userId: session.user.id,
    email: session.user.email,
    name: session.user.name,
    organizationId: member.organization_id,
    organizationName: member.organization_name,
    role: member.role,
  };
}

export async function requireOrganizer(headers: Headers): Promise<Organizer> {
  const organizer = await currentOrganizer(headers);
  if (!organizer) throw new AppError("unauthorized");
  return organizer;
}

const rank: Record<MemberRole, number> = { viewer: 0, editor: 1, owner: 2 };

/** Editors change campaigns and moderate; owners also invite and read the export log. */
export function requireRole(organizer: Organizer, least: MemberRole): void {
  if (rank[organizer.role] < rank[least]) throw new AppError("forbidden");
}
