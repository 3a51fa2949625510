"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

export function InviteForm() {
  const t = useTranslations("admin.invite");
  const tr = useTranslations("admin.roles");
  const locale = useLocale();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
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
    setMessage(
      res?.ok
        ? { ok: true, text: t("sent", { email }) }
        : { ok: false, text: body?.error?.fields?.email?.message ?? body?.error?.message ?? "Error" },
    );
  }
  return (
    <section aria-labelledby="invite-heading" className="admin-section">
      <h2 id="invite-heading">{t("title")}</h2>
      <form className="sign-form admin-narrow" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="invite-email">{t("email")}</label>
          <input id="invite-email" name="email" type="email" required />
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
