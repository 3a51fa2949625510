"use client";

import { useEffect, useState } from "react";
import { formatCount, type CountForms } from "@/lib/campaigns/format-count";
import { BarFill } from "../ui/bar-fill";

type Props = {
  slug: string;
  locale: string;
  initialCount: number;
  goal: number;
  /** The initial count in words, written on the server. */
  initialText: string;
  forms: CountForms;
  progressLabel: string;
  refreshSeconds?: number;
};

/** The count and the progress bar, refreshed from the cacheable count endpoint; its words come from the server. */
export function LiveCount(props: Props) {
  const { slug, locale, initialCount, initialText, goal, forms, progressLabel, refreshSeconds = 15 } = props;
  const [count, setCount] = useState(initialCount);

  useEffect(() => {
    let stopped = false;
    async function refresh() {
      try {
        // Shared caches (CDN, proxy) may hold the count for a few seconds; the browser asks each time, so a
        // signer who has just confirmed sees their signature counted.
        const res = await fetch(`/api/campaigns/${encodeURIComponent(slug)}/count`, { cache: "no-store" });
        if (res.ok && !stopped) setCount(((await res.json()) as { confirmed: number }).confirmed);
      } catch {
        // Offline or busy: keep showing the last known count.
      }
    }
    void refresh();
    const timer = setInterval(refresh, refreshSeconds * 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [slug, refreshSeconds]);

  const percent = goal > 0 ? Math.min(100, (count / goal) * 100) : 0;
  return (
    <>
      <p id="count-heading" className="count" aria-live="polite" data-testid="confirmed-count" data-count={count}>
        {/* The browser's first Intl formatter costs tens of milliseconds to set up: not while the page starts. */}
        {count === initialCount ? initialText : formatCount(forms, locale, count)}
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-label={progressLabel}
        aria-valuemin={0}
        aria-valuemax={goal}
        aria-valuenow={count}
      >
        <BarFill className="progress-bar" percent={percent} />
      </div>
    </>
  );
}
