// Accepting an invitation creates the organizer's account (better-auth's user + credential account, the password
// hashed with its scrypt) and membership, and uses the invitation up, in one transaction.
import "server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { z } from "zod";
import { prisma } from "@/lib/infra/db";
import { AppError } from "@/lib/infra/errors";
import { sha256 } from "@/lib/infra/crypto";
import type { acceptInvitationInput } from "./invitation-schema";

export async function acceptInvitation(
  input: z.output<typeof acceptInvitationInput>,
): Promise<{ email: string; organizationId: string }> {
  const invitation = await prisma.invitation.findUnique({ where: { tokenHash: new Uint8Array(sha256(input.token)) } });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt <= new Date())
    throw new AppError("invitation_invalid");
  const email = invitation.email.trim().toLowerCase();
  const password = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const used = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (used.count !== 1) throw new AppError("invitation_invalid");
    // One organization per organizer: an address that already has an account cannot be invited elsewhere.
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new AppError("conflict");
    const userId = randomUUID();
    await tx.user.create({ data: { id: userId, email, name: input.name, emailVerified: true } });
    await tx.account.create({
      data: { id: randomUUID(), userId, accountId: userId, providerId: "credential", password },
    });
    await tx.member.create({ data: { organizationId: invitation.organizationId, userId, role: invitation.role } });
    return { email, organizationId: invitation.organizationId };
  });
}
