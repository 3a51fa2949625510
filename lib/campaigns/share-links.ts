// The share step's links: each network's own share address, built from the campaign's link with that network's
// source code (`share-x`, `share-kakao`), so organizers see which way of sharing brought people in. Plain links
// only: no network's script, no pixel, nothing loaded from another site.
import type { Locale } from "@/lib/infra/i18n/config";

export const shareNetworks = ["x", "facebook", "whatsapp", "telegram", "kakao", "line", "email"] as const;
export type ShareNetwork = (typeof shareNetworks)[number];

/** Korean readers share on KakaoTalk first; everyone else gets the list as it stands. */
export function shareOrder(locale: Locale): ShareNetwork[] {
  return locale === "ko" ? ["kakao", ...shareNetworks.filter((n) => n !== "kakao")] : [...shareNetworks];
}

/** The public campaign page, with the `?source=` code a visitor arriving by it is counted under. */
export function campaignLink(appUrl: string, locale: Locale, slug: string, source?: string): string {
  const url = new URL(`/${locale}/c/${slug}`, appUrl);
  if (source) url.searchParams.set("source", source);
  return url.toString();
}

export type ShareLink = {
  network: ShareNetwork;
  source: string;
  /** The campaign's link as this network carries it. */
  url: string;
  /**
   * Where the share button goes: the network's share page. KakaoTalk has none that works without its SDK and an app
   * key (checked against Kakao's developer documentation), so its button copies `url` for pasting into a chat.
   */
  href: string | null;
};

export function shareLinks(appUrl: string, locale: Locale, slug: string, message: string, subject: string) {
  const q = encodeURIComponent;
  return shareOrder(locale).map((network): ShareLink => {
    const source = `share-${network}`;
    const url = campaignLink(appUrl, locale, slug, source);
    const href: Record<ShareNetwork, string | null> = {
      x: `https://x.com/intent/tweet?text=${q(message)}&url=${q(url)}`,
      facebook: `https://www.facebook.com/sharer/sharer.php?u=${q(url)}`,
      whatsapp: `https://wa.me/?text=${q(`${message} ${url}`)}`,
      telegram: `https://t.me/share/url?url=${q(url)}&text=${q(message)}`,
      kakao: null,
      line: `https://social-plugins.line.me/lineit/share?url=${q(url)}&text=${q(message)}`,
      email: `mailto:?subject=${q(subject)}&body=${q(`${message}\n\n${url}`)}`,
    };
    return { network, source, url, href: href[network] };
  });
}
