// The dashboard's first answer: what needs doing, campaign by campaign, each line a link to where it is done.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { formatDay } from "@/lib/infra/i18n/format-moment";
import type { Attention } from "@/lib/organizers/campaigns/needs-attention";

type Props = {
  locale: Locale;
  items: { campaign: { id: string; title: string }; attention: Attention }[];
};

export async function AttentionStrip({ locale, items }: Props) {
  const t = await getTranslations({ locale, namespace: "admin.dashboard.attention" });
  const base = (id: string) => `/${locale}/admin/campaigns/${id}`;
  const line = (a: Attention, id: string): { text: string; href: string } => {
    switch (a.kind) {
      case "held":
        return { text: t("held", { count: a.count }), href: `${base(id)}#held-heading` };
      case "reasons":
        return { text: t("reasons", { count: a.count }), href: `${base(id)}#reasons-heading` };
      case "failed":
        return { text: t("failed", { count: a.count }), href: base(id) };
      case "challenge":
        return {
          text: a.who === "everyone" ? t("challengeEveryone") : t("challengeNetworks"),
          href: `${base(id)}/signals`,
        };
      case "closing":
        return { text: t("closing", { date: formatDay(a.closesAt, locale) }), href: base(id) };
    }
  };
  return (
    <section aria-labelledby="attention-heading" className="admin-section attention" data-testid="needs-attention">
      <h2 id="attention-heading">{t("title")}</h2>
      {items.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <ul className="attention-list">
          {items.map(({ campaign, attention }) => {
            const { text, href } = line(attention, campaign.id);
            return (
              <li key={`${campaign.id}-${attention.kind}`} data-kind={attention.kind}>
                <strong>{campaign.title}</strong>: <Link href={href}>{text}</Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
