"use client";
// The deadline, counted down in days: rendered on the server as text with a <time> element, then kept current in
// the browser once a minute (a cached copy of the page may be a little old). The line keeps its shape, so nothing
// below it moves.
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { daysUntil } from "@/lib/timeline/days-until";

type Props = { deadline: string; date: string; renderedAt: number };

export function Countdown({ deadline, date, renderedAt }: Props) {
  const t = useTranslations("timeline");
  const [at, setAt] = useState(renderedAt);
  useEffect(() => {
    setAt(Date.now());
    const timer = setInterval(() => setAt(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const days = daysUntil(Date.parse(deadline), at);
  const time = (chunks: React.ReactNode) => <time dateTime={deadline}>{chunks}</time>;
  return (
    <p className="countdown" data-testid="countdown">
      <span className="muted">{t("deadlineLabel")}: </span>
      {days === null ? t.rich("deadlinePast", { date, time }) : t.rich("deadlineFuture", { date, days, time })}
    </p>
  );
}
