"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** A button that POSTs to an organizer API route, then refreshes the page's server data. */
export function ApiButton({ url, label, danger, secondary }: { url: string; label: string; danger?: boolean; secondary?: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  async function press() {
    setPending(true);
    setFailed(null);
    const res = await fetch(url, { method: "POST" }).catch(() => null);
    setPending(false);
    if (!res?.ok) {
      const body = await res?.json().catch(() => null);
      setFailed(body?.error?.message ?? "Error");
      return;
    }
    router.refresh();
  }
  return (
    <span className="api-button">
      <button type="button" className={`button${danger ? " button-danger" : ""}${secondary ? " button-secondary" : ""}`} onClick={press} disabled={pending}>
        {label}
      </button>
      <span role="status">{failed && <span className="field-error"> {failed}</span>}</span>
    </span>
  );
}
