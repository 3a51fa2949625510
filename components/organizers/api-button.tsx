"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** A button that POSTs to an organizer API route (with `body` as JSON, if given), then refreshes the page's server data. */
export function ApiButton({
  url,
  label,
  danger,
  secondary,
  body,
}: {
  url: string;
  label: string;
  danger?: boolean;
  secondary?: boolean;
  body?: unknown;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  async function press() {
    setPending(true);
    setFailed(null);
    const init: RequestInit =
      body === undefined
        ? { method: "POST" }
        : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
    const res = await fetch(url, init).catch(() => null);
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
      <button
        type="button"
        className={`button${danger ? " button-danger" : ""}${secondary ? " button-secondary" : ""}`}
        onClick={press}
        disabled={pending}
      >
        {label}
      </button>
      <span role="status">{failed && <span className="field-error"> {failed}</span>}</span>
    </span>
  );
}
