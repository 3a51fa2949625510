// The thank-you step's sharing: the count, copy link, the device's share sheet where there is one, and a plain
// link per network, each carrying its own source code; then the next thing to do (write a letter, or co-sign).
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { env } from "@/lib/infra/env";
import { campaignLink, shareLinks } from "@/lib/campaigns/share-links";
import { CopyLinkButton, WebShareButton } from "./share-buttons";

type Props = {
  locale: Locale;
  slug: string;
  title: string;
  /** What the person just did: a signature asks them to write next, a letter asks them to co-sign. */
  after: "signed" | "letter";
  count?: { confirmed: number; goal: number };
  headingLevel?: 2 | 3;
};

export async function SharePanel({ locale, slug, title, after, count, headingLevel = 2 }: Props) {
  const t = await getTranslations({ locale, namespace: "share" });
  const message = t("message", { title });
  const links = shareLinks(env.APP_URL, locale, slug, message, title);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `share-heading-${after}`;

  return (
    <section className="share-panel" aria-labelledby={headingId} data-testid="share-panel">
      <Heading id={headingId}>{t("heading")}</Heading>
      {count && (
        <p className="share-count" data-testid="share-count">
          {t("count", { count: count.confirmed, goal: count.goal })}
        </p>
      )}
      <p>{after === "signed" ? t("introSigned") : t("introLetter")}</p>
      <div className="share-main">
        <WebShareButton
          url={campaignLink(env.APP_URL, locale, slug, "share-native")}
          title={title}
          text={message}
          label={t("webShare")}
        />
        <CopyLinkButton
          url={campaignLink(env.APP_URL, locale, slug, "share-copy")}
          label={t("copy")}
          copied={t("copied")}
          failed={t("copyFailed")}
          testId="copy-link"
        />
      </div>
      <ul className="share-list" aria-label={t("shareOn")}>
        {links.map((link) => (
          <li key={link.network}>
            {link.href ? (
              <a
                className="share-link"
                href={link.href}
                target={link.network === "email" ? undefined : "_blank"}
                rel="noopener noreferrer"
                data-network={link.network}
              >
                {t(`networks.${link.network}`)}
                {link.network !== "email" && <span className="visually-hidden"> {t("newTab")}</span>}
              </a>
            ) : (
              <CopyLinkButton
                url={link.url}
                label={t(`networks.${link.network}`)}
                copied={t("kakaoCopied")}
                failed={t("copyFailed")}
                testId={`copy-${link.network}`}
              />
            )}
          </li>
        ))}
      </ul>
      <div className="write-own">
        {after === "signed" ? (
          <>
            <a className="button button-secondary" href={`/${locale}/c/${slug}/write`}>
              {t("writeOwn")}
            </a>
            <p className="hint">{t("writeOwnHint")}</p>
          </>
        ) : (
          <>
            <a className="button button-secondary" href={`/${locale}/c/${slug}#sign`}>
              {t("cosign")}
            </a>
            <p className="hint">{t("cosignHint")}</p>
          </>
        )}
      </div>
    </section>
  );
}
