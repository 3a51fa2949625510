"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";

export function AcceptInvitationForm({ token, locale }: { token: string; locale: string }) {
  const t = useTranslations("admin.invitation");
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const res = await fetch("/api/organizer/invitations/accept", {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": locale },
      body: JSON.stringify({ token, name: form.get("name"), password: form.get("password") }),
    }).catch(() => null);
    const body = await res?.json().catch(() => null);
    if (res?.ok) setResult({ ok: true, text: t("done", { email: body.email }) });
    else if (res?.status === 404) setResult({ ok: false, text: t("invalid") });
    else
      setResult({
        ok: false,
        text:
          body?.error?.fields?.password?.message ??
          body?.error?.fields?.name?.message ??
          body?.error?.message ??
          "Error",
      });
  }
  if (result?.ok) {
    return (
      <div role="status">
        <p>{result.text}</p>
        <p>
          <Link href={`/${locale}/admin/sign-in`}>→</Link>
        </p>
      </div>
    );
  }
  return (
    <form className="sign-form admin-narrow" onSubmit={submit} noValidate>
      <div role="alert">{result && <p className="field-error">{result.text}</p>}</div>
      <div className="field">
        <label htmlFor="name">{t("name")}</label>
        <input id="name" name="name" autoComplete="name" required />
      </div>
      <div className="field">
        <label htmlFor="password">{t("password")}</label>
        <input id="password" name="password" type="password" autoComplete="new-password" minLength={12} required />
      </div>
      <button type="submit" className="button">
        {t("submit")}
      </button>
    </form>
  );
}
