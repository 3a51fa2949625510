// Where a campaign's link preview image lives, and the page metadata that points to it. The address carries the
// campaign's version and its count rounded down to a step: a changed campaign or a count that has grown a step is
// a new address, which chat apps and caches fetch anew; within a step, everyone shares one image.
import type { Metadata } from "next";
import { env } from "@/lib/infra/env";
import type { Locale } from "@/lib/infra/i18n/config";

/** The count rounded down to two significant digits (0–99 to the ten): 7 → 0, 1,234 → 1,200, 56,789 → 56,000. */
export function countStep(count: number): number {
  if (count < 100) return count - (count % 10);
  const unit = 10 ** (Math.floor(Math.log10(count)) - 1);
  return Math.floor(count / unit) * unit;
}

export function previewImageUrl(slug: string, locale: Locale, version: string, confirmed: number): string {
  const url = new URL(`/api/campaigns/${slug}/preview-image`, env.APP_URL);
  url.searchParams.set("lang", locale);
  url.searchParams.set("v", `${version}-${countStep(confirmed)}`);
  return url.toString();
}

type PreviewOf = {
  locale: Locale;
  path: string;
  title: string;
  description: string;
  campaign: { slug: string; title: string; version: string };
  confirmed: number;
};

/** Open Graph and Twitter card tags for a campaign's page, in the page's language. */
export function previewMetadata({ locale, path, title, description, campaign, confirmed }: PreviewOf): Metadata {
  const image = {
    url: previewImageUrl(campaign.slug, locale, campaign.version, confirmed),
    width: 1200,
    height: 630,
    alt: campaign.title,
  };
  return {
    title,
    description,
    openGraph: {
      type: "website",
      title,
      description,
      url: new URL(path, env.APP_URL).toString(),
      locale: locale === "ko" ? "ko_KR" : "en_US",
      images: [image],
    },
    twitter: { card: "summary_large_image", title, description, images: [image.url] },
  };
}
