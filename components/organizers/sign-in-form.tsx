"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

/**
 * Email + password against better-auth's own endpoint; one message for any wrong combination. Signed in, the
 * organizer goes to `next`, a path the page already checked (lib/organizers/auth/return-path.ts).
 */
export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("admin.signIn");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const res = await fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
    }).catch(() => null);
    setPending(false);
    if (res?.ok) {
      router.push(next);
      router.refresh();
      return;
    }
    if (res?.status === 429) {
      // Retry-After, in seconds: said in whole minutes, so the organizer knows how long to wait.
      const seconds = Number(res.headers.get("retry-after"));
      setError(seconds > 0 ? t("throttledFor", { minutes: Math.ceil(seconds / 60) }) : t("throttled"));
      return;
    }
    setError(t("failed"));
  }

  return (
    <form className="sign-form admin-narrow" onSubmit={submit} noValidate>
      <div role="alert" aria-live="assertive">
        {error && <p className="field-error">{error}</p>}
      </div>
      <div className="field">
        <label htmlFor="email">{t("email")}</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
      </div>
      <div className="field">
        <label htmlFor="password">{t("password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
