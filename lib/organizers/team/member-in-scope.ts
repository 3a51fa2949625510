// A member of this organization (or 404), with the organization's owners locked for the rest of the transaction:
// two owners demoting or removing each other at once cannot leave the organization without one.
import "server-only";
import type { Transaction } from "@/lib/infra/db";
import { AppError } from "@/lib/infra/errors";
import type { Scope } from "../scope";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function memberInScope(trx: Transaction, scope: Scope, memberId: string) {
  if (!uuid.test(memberId)) throw new AppError("not_found");
  const owners = await trx
    .selectFrom("member")
    .select("id")
    .where("organization_id", "=", scope.organizationId)
    .where("role", "=", "owner")
    .orderBy("id")
    .forUpdate()
    .execute();
  const member = await trx
    .selectFrom("member as m")
    .innerJoin("user as u", "u.id", "m.user_id")
    .select(["m.id", "m.user_id as userId", "m.role", "u.email"])
    .where("m.id", "=", memberId)
    .where("m.organization_id", "=", scope.organizationId)
    .forUpdate("m")
    .executeTakeFirst();
  if (!member) throw new AppError("not_found");
  const lastOwner = member.role === "owner" && owners.length === 1;
  return { ...member, lastOwner };
}
