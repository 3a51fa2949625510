// What a confirmation or withdraw page says before the button is pressed: which campaign the link is for.
// Reading never changes anything, so a mail scanner that fetches the link confirms or withdraws nothing.
import { now as clock } from "@/lib/infra/clock";
import { prisma } from "@/lib/infra/db";
import { sha256 } from "@/lib/infra/crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readWithdrawToken } from "./links";
import { pickTranslation } from "@/lib/campaigns/pick-translation";

export type LinkTarget = { campaignSlug: string; campaignTitle: string; status: "pending" | "confirmed" };

async function describe(
  where: Prisma.SignatureWhereUniqueInput,
  locale: string,
  now = clock(),
): Promise<LinkTarget | null> {
  const signature = await prisma.signature.findUnique({
    where,
    select: {
      status: true,
      confirmTokenExpiresAt: true,
      campaign: {
        select: { slug: true, defaultLocale: true, translations: { select: { locale: true, title: true } } },
      },
    },
  });
  if (!signature) return null;
  // A suspected signature was never emailed; an invalidated one was struck out by an organizer: its confirmation link
  // leads nowhere (confirming it would change nothing). Its withdraw link still erases it.
  const struckOut = signature.status === "suspected" || signature.status === "invalidated";
  if (struckOut && "confirmTokenHash" in where) return null;
  const expired =
    signature.status === "pending" && "confirmTokenHash" in where && !(signature.confirmTokenExpiresAt! > now);
  if (expired) return null;
  const { translations, defaultLocale, slug } = signature.campaign;
  const text = pickTranslation(translations, locale, defaultLocale);
  return {
    campaignSlug: slug,
    campaignTitle: text?.title ?? "",
    status: signature.status === "pending" ? "pending" : "confirmed",
  };
}

export function describeConfirmLink(token: string, locale: string): Promise<LinkTarget | null> {
  if (!token || token.length > 100) return Promise.resolve(null);
  return describe({ confirmTokenHash: new Uint8Array(sha256(token)) }, locale);
}

export function describeWithdrawLink(token: string, locale: string): Promise<LinkTarget | null> {
  const id = readWithdrawToken(token);
  return id ? describe({ id }, locale) : Promise.resolve(null);
}
