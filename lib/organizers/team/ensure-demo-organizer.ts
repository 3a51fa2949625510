// The demo organizer for development: an owner of the demo organization, created once. Its password comes from
// DEMO_ORGANIZER_PASSWORD or is generated; either way it is returned (to be printed) only when the account is
// created, since only its hash is kept. Never in production.
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { db, transaction } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";

export type DemoOrganizer = { email: string; password: string } | null;

export async function ensureDemoOrganizer(organizationId: string): Promise<DemoOrganizer> {
  if (env.APP_ENV === "production") return null;
  const email = env.DEMO_ORGANIZER_EMAIL.toLowerCase();
  if (await db.selectFrom("user").select("id").where("email", "=", email).executeTakeFirst()) return null;
  const password = env.DEMO_ORGANIZER_PASSWORD ?? randomBytes(12).toString("base64url");
  const hash = await hashPassword(password);
  const userId = randomUUID();
  await transaction(async (trx) => {
    await trx.insertInto("user").values({ id: userId, email, name: "Demo Organizer", email_verified: true }).execute();
    await trx
      .insertInto("account")
      .values({ id: randomUUID(), user_id: userId, account_id: userId, provider_id: "credential", password: hash })
      .execute();
    await trx
      .insertInto("member")
      .values({ id: randomUUID(), organization_id: organizationId, user_id: userId, role: "owner" })
      .execute();
  });
  return { email, password };
}
