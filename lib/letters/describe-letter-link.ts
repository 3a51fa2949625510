// What a letter's confirmation or withdraw page says before the button is pressed: which campaign the link is for
// and where the letter stands. Reading never changes anything, so a mail scanner that fetches the link does nothing.
import { now as clock } from "@/lib/infra/clock";
import { prisma } from "@/lib/infra/db";
import { sha256 } from "@/lib/infra/crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readLetterWithdrawToken } from "./links";
import { pickTranslation } from "@/lib/campaigns/pick-translation";

export type LetterLinkTarget = {
  campaignSlug: string;
  campaignTitle: string;
  status: "pending" | "confirmed" | "queued" | "delivered" | "withdrawn" | "rejected";
};

async function describe(
  where: Prisma.LetterWhereUniqueInput,
  locale: string,
  now = clock(),
): Promise<LetterLinkTarget | null> {
  const letter = await prisma.letter.findUnique({
    where,
    select: {
      status: true,
      confirmTokenExpiresAt: true,
      campaign: {
        select: { slug: true, defaultLocale: true, translations: { select: { locale: true, title: true } } },
      },
    },
  });
  // A suspected letter (caught by an abuse check) was never emailed: no link of its leads anywhere.
  if (!letter || letter.status === "withdrawn" || letter.status === "suspected") return null;
  const expired = letter.status === "pending" && "confirmTokenHash" in where && !(letter.confirmTokenExpiresAt! > now);
  if (expired) return null;
  const { translations, defaultLocale, slug } = letter.campaign;
  const text = pickTranslation(translations, locale, defaultLocale);
  // A letter held for review is, for its writer, simply confirmed: it waits like any other before delivery.
  return {
    campaignSlug: slug,
    campaignTitle: text?.title ?? "",
    status: letter.status === "held" ? "confirmed" : letter.status,
  };
}

export function describeLetterConfirmLink(token: string, locale: string): Promise<LetterLinkTarget | null> {
  if (!token || token.length > 100) return Promise.resolve(null);
  return describe({ confirmTokenHash: new Uint8Array(sha256(token)) }, locale);
}

export function describeLetterWithdrawLink(token: string, locale: string): Promise<LetterLinkTarget | null> {
  const id = readLetterWithdrawToken(token);
  return id ? describe({ id }, locale) : Promise.resolve(null);
}
