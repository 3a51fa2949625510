// A new organization and its first owner, for a deployment's first organizer (`npm run organizer:create`): the owner
// is invited like any organizer, and the one-time invitation link is where they choose their password.
import { randomUUID } from "node:crypto";
import { newToken } from "@/lib/infra/crypto";
import { db, transaction } from "@/lib/infra/db";
import { nowMs } from "@/lib/infra/clock";
import { env } from "@/lib/infra/env";
import { AppError } from "@/lib/infra/errors";
import { slugPattern } from "@/lib/campaigns/slug";

export type NewOrganization = {
  name: string;
  /** The name on pages and emails in Korean ("주최: …"), when it differs from `name`. */
  koreanName?: string;
  slug?: string;
  ownerEmail: string;
};

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
  const koreanName = input.koreanName?.trim();
  if (!name || name.length > 200)
    throw new AppError("validation_failed", "The organization needs a name (at most 200 characters).");
  if (koreanName !== undefined && (!koreanName || koreanName.length > 200))
    throw new AppError("validation_failed", "The Korean name, when given, needs 1 to 200 characters.");
  if (!slug || !slugPattern.test(slug))
    throw new AppError(
      "validation_failed",
      "Give the organization a slug of Latin letters, digits and dashes (--slug).",
    );
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new AppError("validation_failed", "The owner's email address is not valid.");
  if (await db.selectFrom("user").select("id").where("email", "=", email).executeTakeFirst()) {
    throw new AppError("conflict", "That address already has an organizer account (one organization per organizer).");
  }
  if (await db.selectFrom("organization").select("id").where("slug", "=", slug).executeTakeFirst()) {
    throw new AppError("conflict", `An organization with the slug "${slug}" exists already.`);
  }
  const { token, hash } = newToken();
  const organizationId = randomUUID();
  const expiresAt = new Date(nowMs() + env.INVITATION_TTL_HOURS * 3600_000);
  await transaction(async (trx) => {
    await trx.insertInto("organization").values({ id: organizationId, slug, name }).execute();
    if (koreanName)
      await trx
        .insertInto("organization_translation")
        .values({ organization_id: organizationId, locale: "ko", name: koreanName })
        .execute();
    await trx
      .insertInto("invitation")
      .values({
        id: randomUUID(),
        organization_id: organizationId,
        email,
        role: "owner",
        token_hash: hash,
        expires_at: expiresAt,
      })
      .execute();
  });
  return { organizationId, token, expiresAt };
}
