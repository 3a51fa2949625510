"use client";
// The organizer's update composer: a subject and a text in each language, a preview of the email as recipients in
// each language get it, a test send to the organizer's own address, and the send itself (after a confirmation).
// Errors appear beside their fields and in a summary that takes the focus.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";

const fields = ["subjectEn", "bodyEn", "subjectKo", "bodyKo"] as const;
type Field = (typeof fields)[number];
type Preview = { subject: string; text: string } | null;

export function UpdateComposer({ campaignId }: { campaignId: string }) {
  const t = useTranslations("updates.composer");
  const router = useRouter();
  const base = `/api/organizer/campaigns/${campaignId}/updates`;
  const [values, setValues] = useState<Record<Field, string>>({ subjectEn: "", bodyEn: "", subjectKo: "", bodyKo: "" });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ en: Preview; ko: Preview } | null>(null);
  const [pending, setPending] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  async function call(url: string) {
    setPending(true);
    setStatus(null);
    setFailed(null);
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(values),
    }).catch(() => null);
    const body = await res?.json().catch(() => null);
    setPending(false);
    if (res?.ok) {
      setErrors({});
      return body;
    }
    const fieldErrors = (body?.error?.fields ?? {}) as Record<string, { message: string }>;
    setErrors(Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, v.message])));
    setFailed(Object.keys(fieldErrors).length ? t("errorSummary") : (body?.error?.message ?? "Error"));
    summary.current?.focus();
    return null;
  }

  const field = (name: Field, multiline: boolean) => {
    const id = `update-${name}`;
    const error = errors[name];
    const describedBy = [multiline ? "update-body-hint" : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
    const props = {
      id,
      name,
      value: values[name],
      required: true,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": describedBy || undefined,
      onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
        setValues((v) => ({ ...v, [name]: e.target.value })),
    };
    return (
      <div className="field">
        <label htmlFor={id}>{t(name)}</label>
        {multiline ? <textarea rows={8} {...props} /> : <input type="text" {...props} />}
        <p id={`${id}-error`} className="field-error" hidden={!error}>
          {error}
        </p>
      </div>
    );
  };

  return (
    <form className="sign-form" onSubmit={(e) => e.preventDefault()} noValidate data-testid="update-composer">
      <div ref={summary} tabIndex={-1} role="status" aria-live="polite">
        {failed && <p className="field-error">{failed}</p>}
        {status && (
          <p className="notice" data-testid="update-status">
            {status}
          </p>
        )}
      </div>
      <p className="hint" id="update-body-hint">
        {t("bodyHint")}
      </p>
      {field("subjectEn", false)}
      {field("bodyEn", true)}
      {field("subjectKo", false)}
      {field("bodyKo", true)}
      <div className="admin-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={pending}
          onClick={async () => setPreview(await call(`${base}/preview`))}
        >
          {t("preview")}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={pending}
          onClick={async () => {
            const sent = await call(`${base}/test`);
            if (sent) setStatus(t("testSent", { email: sent.to }));
          }}
        >
          {t("sendTest")}
        </button>
        <button
          type="button"
          className="button"
          disabled={pending}
          onClick={async () => {
            if (!window.confirm(t("confirmSend"))) return;
            if (await call(base)) {
              setStatus(t("sent"));
              setValues({ subjectEn: "", bodyEn: "", subjectKo: "", bodyKo: "" });
              setPreview(null);
              router.refresh();
            }
          }}
        >
          {t("send")}
        </button>
      </div>
      {preview && (
        <div data-testid="update-preview">
          {(["en", "ko"] as const).map((lang) =>
            preview[lang] ? (
              <section key={lang} lang={lang} className="admin-section">
                <h2>{t("previewHeading", { language: lang === "en" ? "English" : "한국어" })}</h2>
                <p>
                  <strong>{preview[lang].subject}</strong>
                </p>
                <pre className="mail-preview">{preview[lang].text}</pre>
              </section>
            ) : null,
          )}
        </div>
      )}
    </form>
  );
}
