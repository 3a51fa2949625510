import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { clientMessages } from "@/lib/infra/i18n/client-messages";
import { formatDay } from "@/lib/infra/i18n/format-moment";
import { nowMs } from "@/lib/infra/clock";
import { daysUntil } from "@/lib/timeline/days-until";
import { Countdown } from "./countdown";
import { CountdownLine } from "./countdown-line";

/** The campaign page's countdown to its deadline: the server's line, kept current by the browser (countdown.tsx). */
export async function DeadlineCountdown({ locale, deadline }: { locale: Locale; deadline: string }) {
  const t = await getTranslations({ locale, namespace: "timeline" });
  const date = formatDay(new Date(deadline), locale);
  const renderedAt = nowMs();
  return (
    <NextIntlClientProvider messages={clientMessages(locale, ["timeline"])}>
      <Countdown deadline={deadline} date={date} renderedAt={renderedAt}>
        <CountdownLine t={t} deadline={deadline} date={date} days={daysUntil(Date.parse(deadline), renderedAt)} />
      </Countdown>
    </NextIntlClientProvider>
  );
}
