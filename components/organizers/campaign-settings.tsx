// A campaign's settings to read, for a member whose role may not change them (a viewer): the same labels as the edit
// form, values in words, and no control that would only be refused on saving.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { formatMoment } from "@/lib/infra/i18n/format-moment";
import type { CampaignInput } from "@/lib/organizers/campaigns/campaign-schema";

export async function CampaignSettings({ locale, id, input }: { locale: Locale; id: string; input: CampaignInput }) {
  const t = await getTranslations({ locale, namespace: "admin.form" });
  const number = new Intl.NumberFormat(locale === "ko" ? "ko-KR" : "en-US");
  const moment = (v: unknown) => (typeof v === "string" && v ? formatMoment(new Date(v), locale) : "—");
  const count = (v: unknown) => (v === undefined || v === null || v === "" ? "—" : number.format(Number(v)));
  const rows: [string, string][] = [
    [t("slug"), input.slug],
    [t("goal"), count(input.goal)],
    ...(input.targets?.length
      ? input.targets.map((target, i): [string, string] => [
          t("target", { number: i + 1 }),
          `${target.texts[locale].name || target.texts.en.name} <${target.email}>`,
        ])
      : [[t("targetEmail"), (input.targetEmail as string | undefined) || "—"] as [string, string]]),
    [t("senderEmail"), (input.senderEmail as string | undefined) || "—"],
    [t("defaultLocale"), input.defaultLocale === "ko" ? t("korean") : t("english")],
    [t("letterDelivery"), input.letterDelivery === "digest" ? t("digest") : t("individual")],
    [t("risk"), input.risk === "at_risk" ? t("riskAtRisk") : t("riskStandard")],
    [t("digestIntervalMinutes"), count(input.digestIntervalMinutes)],
    [t("throttlePerMinute"), count(input.throttlePerMinute)],
    [t("letterHoldHours"), count(input.letterHoldHours)],
    [t("opensAt"), moment(input.opensAt)],
    [t("closesAt"), moment(input.closesAt)],
    [t("holdUntil"), moment(input.holdUntil)],
  ];
  return (
    <>
      <p className="notice" data-testid="read-only">
        {t("readOnly")}
      </p>
      <dl className="settings-list">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p>
        <Link href={`/${locale}/admin/campaigns/${id}/preview`}>{t("readTexts")}</Link>
      </p>
    </>
  );
}
