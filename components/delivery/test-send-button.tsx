"use client";

import { useState } from "react";

/** "Send a test to me": queues the test through the API and says where it goes, or why it could not. */
export function TestSendButton({
  url,
  of,
  label,
  queued,
}: {
  url: string;
  of: "digest" | "letter";
  label: string;
  /** Said once the test is queued: "Test queued for kim@example.org". */
  queued: string;
}) {
  const [state, setState] = useState<{ pending: boolean; said: string | null; failed: boolean }>({
    pending: false,
    said: null,
    failed: false,
  });
  async function press() {
    setState({ pending: true, said: null, failed: false });
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ of }),
    }).catch(() => null);
    const body = await res?.json().catch(() => null);
    setState(
      res?.ok
        ? { pending: false, said: queued, failed: false }
        : { pending: false, said: body?.error?.message ?? "Error", failed: true },
    );
  }
  return (
    <span className="api-button">
      <button type="button" className="button button-secondary" onClick={press} disabled={state.pending}>
        {label}
      </button>
      <span role="status">
        {state.said && <span className={state.failed ? "field-error" : "muted"}> {state.said}</span>}
      </span>
    </span>
  );
}
