// The demo organizer for development: an owner of the demo organization, created once. Its password comes from
// DEMO_ORGANIZER_PASSWORD or is generated; either way it is returned (to be printed) only when the account is
// created, since only its hash is kept. Never in production.
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { prisma } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";

export type DemoOrganizer = { email: string; password: string } | null;

export async function ensureDemoOrganizer(organizationId: string): Promise<DemoOrganizer> {
  if (env.APP_ENV === "production") return null;
  const email = env.DEMO_ORGANIZER_EMAIL.toLowerCase();
  if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) return null;
  const password = env.DEMO_ORGANIZER_PASSWORD ?? randomBytes(12).toString("base64url");
  const hash = await hashPassword(password);
  const userId = randomUUID();
  await prisma.$transaction([
    prisma.user.create({ data: { id: userId, email, name: "Demo Organizer", emailVerified: true } }),
    prisma.account.create({
      data: { id: randomUUID(), userId, accountId: userId, providerId: "credential", password: hash },
    }),
    prisma.member.create({ data: { organizationId, userId, role: "owner" } }),
  ]);
  return { email, password };
}
