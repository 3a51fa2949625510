"use client";

import { useState } from "react";

/** Copies a snippet to the clipboard; without JavaScript (or clipboard access) the snippet stays selectable. */
export function CopyButton({
  text,
  label,
  copied,
  failed,
}: {
  text: string;
  label: string;
  copied: string;
  failed: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  }
  return (
    <span className="api-button">
      <button type="button" className="button button-secondary" onClick={copy}>
        {label}
      </button>
      <span role="status">{state === "copied" ? ` ${copied}` : state === "failed" ? ` ${failed}` : ""}</span>
    </span>
  );
}
