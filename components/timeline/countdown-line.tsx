import type { ReactNode } from "react";

/** What the line needs of the timeline namespace's translator: the server's (getTranslations) or the browser's. */
type TimelineText = {
  (key: "deadlineLabel"): string;
  rich(
    key: "deadlinePast" | "deadlineFuture",
    values: { date: string; days?: number; time: (chunks: ReactNode) => ReactNode },
  ): ReactNode;
};

type Props = { t: TimelineText; deadline: string; date: string; days: number | null };

/** The countdown's line, the same from the server and from the browser (countdown.tsx). */
export function CountdownLine({ t, deadline, date, days }: Props) {
  const time = (chunks: ReactNode) => <time dateTime={deadline}>{chunks}</time>;
  return (
    <p className="countdown" data-testid="countdown">
      <span className="muted">{t("deadlineLabel")}: </span>
      {days === null ? t.rich("deadlinePast", { date, time }) : t.rich("deadlineFuture", { date, days, time })}
    </p>
  );
}
