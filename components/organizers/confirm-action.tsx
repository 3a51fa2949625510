"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

type Props = {
  url: string;
  method: "POST" | "DELETE";
  label: string;
  /** What the action does, said before anything changes; the second button does it. */
  question: string;
  confirmLabel: string;
  cancelLabel: string;
};

/** A destructive organizer action in two steps: the button asks, and only "Yes" sends the request. */
export function ConfirmAction({ url, method, label, question, confirmLabel, cancelLabel }: Props) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  async function confirm() {
    setPending(true);
    setFailed(null);
    const res = await fetch(url, { method }).catch(() => null);
    setPending(false);
    if (!res?.ok) {
      const body = await res?.json().catch(() => null);
      const fields = body?.error?.fields as Record<string, { message: string }> | undefined;
      setFailed(Object.values(fields ?? {})[0]?.message ?? body?.error?.message ?? "Error");
      return;
    }
    setAsking(false);
    router.refresh();
  }
  return (
    <span className="api-button">
      {asking ? (
        <span role="group" aria-label={label}>
          <span className="confirm-question">{question} </span>
          <button type="button" className="button button-danger" onClick={confirm} disabled={pending}>
            {confirmLabel}
          </button>{" "}
          <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
            {cancelLabel}
          </button>
        </span>
      ) : (
        <button type="button" className="button button-secondary" onClick={() => setAsking(true)}>
          {label}
        </button>
      )}
      <span role="status">{failed && <span className="field-error"> {failed}</span>}</span>
    </span>
  );
}
