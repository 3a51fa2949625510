"use client";

// The two share buttons that need the browser: copying a link, and the device's own share sheet (Web Share API,
// offered only where the browser has it). Without JavaScript the copy button is a plain link to copy by hand.
import { useState, useSyncExternalStore } from "react";

const noSubscribe = () => () => {};
const useScripted = () =>
  useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );

type CopyProps = { url: string; label: string; copied: string; failed: string; testId?: string };

export function CopyLinkButton({ url, label, copied, failed, testId }: CopyProps) {
  const scripted = useScripted();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  if (!scripted) {
    return (
      <a className="share-link" href={url} data-testid={testId}>
        {label}
      </a>
    );
  }
  function copy() {
    navigator.clipboard.writeText(url).then(
      () => setState("copied"),
      () => setState("failed"),
    );
  }
  return (
    <>
      <button type="button" className="share-link" onClick={copy} data-testid={testId} data-state={state}>
        {state === "copied" ? copied : label}
      </button>
      <span role="status" className={state === "failed" ? "share-failed" : "visually-hidden"}>
        {state === "copied" ? copied : state === "failed" ? `${failed} ${url}` : ""}
      </span>
    </>
  );
}

type WebShareProps = { url: string; title: string; text: string; label: string };

export function WebShareButton({ url, title, text, label }: WebShareProps) {
  const canShare = useSyncExternalStore(
    noSubscribe,
    () => typeof navigator.share === "function",
    () => false,
  );
  if (!canShare) return null;
  return (
    <button
      type="button"
      className="button"
      data-testid="web-share"
      onClick={() => navigator.share({ title, text, url }).catch(() => {})}
    >
      {label}
    </button>
  );
}
