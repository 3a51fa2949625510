"use client";

import { useActionState, useEffect, useRef } from "react";

type Props = {
  /** `detail`, when the action gives one, follows the outcome (a confirmed letter's leaving time). */
  action: (state: { status: string }) => Promise<{ status: string; detail?: string }>;
  button: string;
  /** The message to show for each status the action may answer with. */
  outcomes: Record<string, string>;
  back?: { href: string; label: string };
  danger?: boolean;
  /** What the link already is when the page is opened ("idle": the button is still to be pressed). */
  initial?: string;
  /** The detail that goes with `initial` (a confirmed letter's leaving time when the page is opened again). */
  initialDetail?: string;
};

/**
 * A page whose only change happens when its button is pressed: confirm or withdraw a signature or a letter. The page
 * renders it in one place whatever the link's state (`initial`), so that without JavaScript the page answering the
 * post shows what the action did (React matches the action's state to this same place), not the link's new state.
 */
export function ActionButtonForm({ action, button, outcomes, back, danger, initial = "idle", initialDetail }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: initial, detail: initialDetail } as {
    status: string;
    detail?: string;
  });
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The answer to pressing the button takes the focus; what the page opened with does not.
    if (state.status !== initial) resultRef.current?.focus();
  }, [state, initial]);
  if (state.status !== "idle") {
    return (
      <div
        ref={resultRef}
        tabIndex={-1}
        role="status"
        className="result"
        data-testid="action-result"
        data-status={state.status}
      >
        <p>{outcomes[state.status]}</p>
        {state.detail && <p data-testid="action-detail">{state.detail}</p>}
        {back && (
          <p>
            <a href={back.href}>{back.label}</a>
          </p>
        )}
      </div>
    );
  }
  return (
    <form action={formAction}>
      <button type="submit" className={danger ? "button button-danger" : "button"} disabled={pending}>
        {button}
      </button>
    </form>
  );
}
