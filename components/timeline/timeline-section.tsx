// "What happened": the campaign's public timeline, newest first, each entry with its day and kind.
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import type { TimelineEntry } from "@/lib/timeline/get-timeline";
import { Paragraphs } from "@/components/campaigns/paragraphs";

function formatDate(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

export async function TimelineSection({ events, locale }: { events: TimelineEntry[]; locale: Locale }) {
  if (events.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "timeline" });
  return (
    <section aria-labelledby="timeline-heading" className="timeline" data-testid="timeline">
      <h2 id="timeline-heading">{t("heading")}</h2>
      <ol>
        {events.map((e) => (
          <li key={e.id}>
            <p className="timeline-when">
              <time dateTime={e.happenedOn}>{formatDate(e.happenedOn, locale)}</time>
              {" · "}
              <strong>{t(`kinds.${e.kind}`)}</strong>
            </p>
            <Paragraphs text={e.text} />
          </li>
        ))}
      </ol>
    </section>
  );
}
