"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

export function InviteForm() {
  const t = useTranslations("admin.invite");
  const tr = useTranslations("admin.roles");
  const locale = useLocale();
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [emailError, setEmailError] = useState<string | null>(null);
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const res = await fetch("/api/organizer/invitations", {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": locale },
      body: JSON.stringify({ email, role: form.get("role"), locale: form.get("language") }),
    }).catch(() => null);
    const body = await res?.json().catch(() => null);
    const fieldError: string | null = body?.error?.fields?.email?.message ?? null;
    setEmailError(fieldError);
    setMessage(
      res?.ok
        ? { ok: true, text: t("sent", { email }) }
        : fieldError
          ? null
          : { ok: false, text: body?.error?.message ?? "Error" },
    );
    if (res?.ok) router.refresh();
  }
  return (
    <section aria-labelledby="invite-heading" className="admin-section">
      <h2 id="invite-heading">{t("title")}</h2>
      <form className="sign-form admin-narrow" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="invite-email">{t("email")}</label>
          <input
            id="invite-email"
            name="email"
            type="email"
            required
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? "invite-email-error" : undefined}
          />
          <p id="invite-email-error" className="field-error" role="alert" hidden={!emailError}>
            {emailError}
          </p>
        </div>
        <div className="field">
          <label htmlFor="invite-role">{t("role")}</label>
          <select id="invite-role" name="role" defaultValue="editor">
            <option value="editor">{tr("editor")}</option>
            <option value="viewer">{tr("viewer")}</option>
            <option value="owner">{tr("owner")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="invite-language">{t("language")}</label>
          <select id="invite-language" name="language" defaultValue={locale}>
            <option value="en">English</option>
            <option value="ko">한국어</option>
          </select>
        </div>
        <button type="submit" className="button">
          {t("submit")}
        </button>
        <div role="status">{message && <p className={message.ok ? "notice" : "field-error"}>{message.text}</p>}</div>
      </form>
    </section>
  );
}
