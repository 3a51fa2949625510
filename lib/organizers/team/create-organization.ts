// A new organization and its first owner, for a deployment's first organizer (`npm run organizer:create`): the owner
// is invited like any organizer, and the one-time invitation link is where they choose their password.
import { randomUUID } from "node:crypto";
import { newToken } from "@/lib/infra/crypto";
import { prisma } from "@/lib/infra/db";
import { env } from "@/lib/infra/env";
import { AppError } from "@/lib/infra/errors";
import { slugPattern } from "@/lib/campaigns/slug";

export type NewOrganization = { name: string; slug?: string; ownerEmail: string };

/** An address-friendly slug from a Latin-letter name ("Seoul Freedom Hub" → "seoul-freedom-hub"); null otherwise. */
export function slugFromName(name: string): string | null {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return slug.length >= 3 && slugPattern.test(slug) ? slug.slice(0, 80).replace(/-$/, "") : null;
}

export async function createOrganization(
  input: NewOrganization,
): Promise<{ organizationId: string; token: string; expiresAt: Date }> {
  const name = input.name.trim();
  const email = input.ownerEmail.trim().toLowerCase();
  const slug = input.slug ?? slugFromName(name);
  if (!name || name.length > 200)
    throw new AppError("validation_failed", "The organization needs a name (at most 200 characters).");
  if (!slug || !slugPattern.test(slug))
    throw new AppError(
      "validation_failed",
      "Give the organization a slug of Latin letters, digits and dashes (--slug).",
    );
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new AppError("validation_failed", "The owner's email address is not valid.");
  if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("conflict", "That address already has an organizer account (one organization per organizer).");
  }
  if (await prisma.organization.findUnique({ where: { slug }, select: { id: true } })) {
    throw new AppError("conflict", `An organization with the slug "${slug}" exists already.`);
  }
  const { token, hash } = newToken();
  const organizationId = randomUUID();
  const expiresAt = new Date(Date.now() + env.INVITATION_TTL_HOURS * 3600_000);
  await prisma.$transaction([
    prisma.organization.create({ data: { id: organizationId, slug, name } }),
    prisma.invitation.create({
      data: { organizationId, email, role: "owner", tokenHash: new Uint8Array(hash), expiresAt },
    }),
  ]);
  return { organizationId, token, expiresAt };
}
