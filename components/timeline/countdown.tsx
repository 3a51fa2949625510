"use client";
// The deadline, counted down in days: rendered on the server as text with a <time> element (deadline-countdown.tsx),
// then kept current in the browser once a minute (a cached copy of the page may be a little old). The line keeps its
// shape, so nothing below it moves. While the day count is the server's, the server's line stays: no message is
// formatted while the page starts (the browser's first Intl formatter costs tens of milliseconds on a phone).
import { useEffect, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { daysUntil } from "@/lib/timeline/days-until";
import { CountdownLine } from "./countdown-line";

type Props = { deadline: string; date: string; renderedAt: number; children: ReactNode };

export function Countdown({ deadline, date, renderedAt, children }: Props) {
  const t = useTranslations("timeline");
  const [at, setAt] = useState(renderedAt);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the clock can only be read in the browser
    setAt(Date.now());
    const timer = setInterval(() => setAt(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const days = daysUntil(Date.parse(deadline), at);
  if (days === daysUntil(Date.parse(deadline), renderedAt)) return children;
  return <CountdownLine t={t} deadline={deadline} date={date} days={days} />;
}
