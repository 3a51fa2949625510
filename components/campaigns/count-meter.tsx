"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { BarFill } from "../ui/bar-fill";

type Props = { slug: string; initialCount: number; goal: number; refreshSeconds?: number };

/** The confirmed count and progress toward the goal, refreshed from the cacheable count endpoint. */
export function CountMeter({ slug, initialCount, goal, refreshSeconds = 15 }: Props) {
  const t = useTranslations("campaign");
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
    <section className="count-meter" aria-labelledby="count-heading">
      <p id="count-heading" className="count" aria-live="polite" data-testid="confirmed-count" data-count={count}>
        {t("count", { count })}
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-label={t("progressLabel", { goal })}
        aria-valuemin={0}
        aria-valuemax={goal}
        aria-valuenow={count}
      >
        <BarFill className="progress-bar" percent={percent} />
      </div>
      <p className="goal">
        {t("goal", { goal })} · <span className="muted">{t("countNote")}</span>
      </p>
    </section>
  );
}
