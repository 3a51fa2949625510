"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

/** An owner changes one member's role; refusals (the last owner) are said beside the control. */
export function MemberRoleForm({ memberId, email, role }: { memberId: string; email: string; role: string }) {
  const t = useTranslations("admin.team");
  const tr = useTranslations("admin.roles");
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const id = `role-${memberId}`;
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const res = await fetch(`/api/organizer/members/${memberId}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ role: form.get("role") }),
    }).catch(() => null);
    const body = await res?.json().catch(() => null);
    if (res?.ok) {
      setMessage({ ok: true, text: t("roleSaved") });
      router.refresh();
    } else {
      setMessage({ ok: false, text: body?.error?.fields?.role?.message ?? body?.error?.message ?? "Error" });
    }
  }
  return (
    <form className="inline-form" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {t("roleFor", { email })}
      </label>
      <select id={id} name="role" defaultValue={role} aria-describedby={`${id}-status`}>
        <option value="owner">{tr("owner")}</option>
        <option value="editor">{tr("editor")}</option>
        <option value="viewer">{tr("viewer")}</option>
      </select>{" "}
      <button type="submit" className="button button-secondary">
        {t("saveRole")}
      </button>
      <span id={`${id}-status`} role="status">
        {message && <span className={message.ok ? "notice-inline" : "field-error"}> {message.text}</span>}
      </span>
    </form>
  );
}
