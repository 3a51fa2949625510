import { Fragment } from "react";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { bounceDomain, mailFromAddress } from "@/lib/infra/mail/bounce-address";
import type { DeliveryPlan } from "@/lib/delivery/delivery-plan";
import { AdminSection } from "@/components/organizers/admin-section";
import { formatTime } from "./format-time";

/** Where a campaign's deliveries go and when: target, sender, holds, throttle, and the next digest with its counts. */
export async function DeliveryPlanSection({ plan, locale }: { plan: DeliveryPlan; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "deliveryPanel" });
  const n = new Intl.NumberFormat(locale);
  const envelope = bounceDomain ? `bounce+…@${bounceDomain}` : mailFromAddress;
  const rows: [string, string, string?][] = [
    [t("target"), plan.target, "plan-target"],
    [t("sender"), plan.sender, "plan-sender"],
    [
      t("mode"),
      plan.letterDelivery === "digest"
        ? t("modeDigest", { count: plan.throttlePerMinute })
        : t("modeIndividual", { count: plan.throttlePerMinute }),
    ],
    [t("digestEvery"), t("digestEveryValue", { minutes: plan.digestIntervalMinutes })],
    [t("holdUntil"), plan.holdUntil ? formatTime(plan.holdUntil) : t("noHold")],
    [t("letterHold"), t("letterHoldValue", { hours: plan.letterHoldHours })],
    [t("lastDigest"), plan.lastDigestAt ? formatTime(plan.lastDigestAt) : t("never")],
    [
      t("nextDigest"),
      plan.status === "draft" ? t("draft") : plan.nextDigestAt ? formatTime(plan.nextDigestAt) : t("nextDigestNone"),
      "plan-next-digest",
    ],
    [
      t("carries"),
      t("carriesValue", { signatures: plan.waiting.signatures, letters: plan.waiting.digestLetters }),
      "plan-carries",
    ],
  ];
  if (plan.letterDelivery === "individual") rows.push([t("singleWaiting"), n.format(plan.waiting.singleLetters)]);
  rows.push([t("inHold"), n.format(plan.waiting.inHold)]);
  return (
    <AdminSection id="delivery-plan" title={t("plan")} hint={t("envelope", { address: envelope })}>
      <dl className="mail-headers">
        {rows.map(([label, value, testId]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd data-testid={testId}>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </AdminSection>
  );
}
