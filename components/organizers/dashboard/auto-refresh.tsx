"use client";

// Keeps the dashboard's figures current: the server renders them again every `seconds` while the tab is in view.
// A hidden tab asks nothing; coming back after the interval passed refreshes at once.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function AutoRefresh({ seconds = 30 }: { seconds?: number }) {
  const router = useRouter();
  useEffect(() => {
    let last = Date.now();
    let timer: ReturnType<typeof setInterval> | null = null;
    const refresh = () => {
      last = Date.now();
      router.refresh();
    };
    const start = () => {
      if (timer === null) timer = setInterval(refresh, seconds * 1000);
    };
    const stop = () => {
      if (timer !== null) clearInterval(timer);
      timer = null;
    };
    const onVisibility = () => {
      if (document.hidden) return stop();
      if (Date.now() - last >= seconds * 1000) refresh();
      start();
    };
    if (!document.hidden) start();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      stop();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [router, seconds]);
  return null;
}
