"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";

type Props = {
  /** `detail`, when the action gives one, follows the outcome (a confirmed letter's leaving time). */
  action: (state: { status: string }) => Promise<{ status: string; detail?: string }>;
  button: string;
  /** The message to show for each status the action may answer with. */
  outcomes: Record<string, string>;
  back?: { href: string; label: string };
  danger?: boolean;
};

/** A page whose only change happens when its button is pressed: confirm or withdraw a signature. */
export function ActionButtonForm({ action, button, outcomes, back, danger }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as {
    status: string;
    detail?: string;
  });
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") resultRef.current?.focus();
  }, [state]);
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
            <Link href={back.href}>{back.label}</Link>
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
