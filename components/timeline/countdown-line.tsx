import type { ReactNode } from "react";

/** The countdown's line, the same from the server and from the browser (countdown.tsx). */
export function CountdownLine({ label, children }: { label: string; children: ReactNode }) {
  return (
    <p className="countdown" data-testid="countdown">
      <span className="muted">{label}: </span>
      {children}
    </p>
  );
}

/** The deadline's <time> element, for the messages' rich text. */
export function deadlineTime(deadline: string) {
  return function DeadlineTime(chunks: ReactNode) {
    return <time dateTime={deadline}>{chunks}</time>;
  };
}
