"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

type Signature = {
  name: string;
  status: string;
  country: string;
  region: string | null;
  createdAt: string;
  confirmedAt: string | null;
};
type Letter = {
  name: string;
  status: string;
  subject: string;
  createdAt: string;
  confirmedAt: string | null;
  deliveredAt: string | null;
};
type Email = {
  id: string;
  kind: string;
  status: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};
type Record = { found: boolean; signatures: Signature[]; letters: Letter[]; emails: Email[] };
type Erasure = { signatures: number; uncounted: number; letters: number; waiting: number };

const date = (d: string | null) => (d ? `${d.replace("T", " ").slice(0, 16)} UTC` : "—");

/** An editor finds one person by exact email, reads their record, and erases it after saying what goes. */
export function SignerLookup({ campaignId }: { campaignId: string }) {
  const t = useTranslations("admin.signer");
  const ta = useTranslations("admin");
  const base = `/api/organizer/campaigns/${campaignId}/signers`;
  const [email, setEmail] = useState("");
  const [record, setRecord] = useState<Record | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [erased, setErased] = useState<Erasure | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  async function post(url: string) {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email }),
    }).catch(() => null);
    const body = await res?.json().catch(() => null);
    return { ok: !!res?.ok, body };
  }

  async function search(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErased(null);
    setAsking(false);
    setFailed(null);
    const { ok, body } = await post(`${base}/lookup`);
    setFieldError(ok ? null : (body?.error?.fields?.email?.message ?? null));
    if (!ok && !body?.error?.fields) setFailed(body?.error?.message ?? "Error");
    setRecord(ok ? body : null);
  }

  async function erase() {
    const { ok, body } = await post(`${base}/erase`);
    if (!ok) {
      setFailed(body?.error?.message ?? "Error");
      return;
    }
    setAsking(false);
    setRecord(null);
    setErased(body);
  }

  return (
    <>
      <form className="sign-form admin-narrow" onSubmit={search} noValidate>
        <div className="field">
          <label htmlFor="signer-email">{t("email")}</label>
          <p className="hint" id="signer-email-hint">
            {t("emailHint")}
          </p>
          <input
            id="signer-email"
            name="email"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? "signer-email-hint signer-email-error" : "signer-email-hint"}
          />
          <p id="signer-email-error" className="field-error" hidden={!fieldError}>
            {fieldError}
          </p>
        </div>
        <button type="submit" className="button">
          {t("search")}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {failed && <p className="field-error">{failed}</p>}
        {erased && (
          <p className="notice" data-testid="erased">
            {t("erased", erased)}
            {erased.waiting > 0 && ` ${t("waiting", { waiting: erased.waiting })}`}
          </p>
        )}
        {record && !record.found && <p className="notice">{t("notFound")}</p>}
      </div>
      {record?.found && (
        <section aria-labelledby="record-heading" className="admin-section" data-testid="signer-record">
          <h2 id="record-heading">{t("record")}</h2>
          {record.signatures.map((s, i) => (
            <dl key={`s${i}`} className="record">
              <dt>{t("signature")}</dt>
              <dd>
                {s.name} · {t(`signatureStatus.${s.status}` as "signatureStatus.pending")} · {s.country}
                {s.region ? ` ${s.region}` : ""}
              </dd>
              <dt>{t("signed")}</dt>
              <dd>{date(s.createdAt)}</dd>
              <dt>{t("confirmed")}</dt>
              <dd>{date(s.confirmedAt)}</dd>
            </dl>
          ))}
          {record.letters.map((l, i) => (
            <dl key={`l${i}`} className="record">
              <dt>{t("letter")}</dt>
              <dd>
                {l.name} · “{l.subject}” · {ta(`letterStatus.${l.status}` as "letterStatus.pending")}
              </dd>
              <dt>{t("written")}</dt>
              <dd>{date(l.createdAt)}</dd>
              <dt>{t("confirmed")}</dt>
              <dd>{date(l.confirmedAt)}</dd>
              <dt>{t("delivered")}</dt>
              <dd>{date(l.deliveredAt)}</dd>
            </dl>
          ))}
          <h3>{t("emails")}</h3>
          {record.emails.length === 0 ? (
            <p>{t("noEmails")}</p>
          ) : (
            <ul>
              {record.emails.map((m) => (
                <li key={m.id}>
                  {t.has(`kinds.${m.kind.replace(".", "_")}` as "kinds.signature_confirm")
                    ? t(`kinds.${m.kind.replace(".", "_")}` as "kinds.signature_confirm")
                    : m.kind}{" "}
                  · {ta(`deliveryStatus.${m.status}` as "deliveryStatus.sent")} · {date(m.sentAt ?? m.createdAt)}
                  {m.status === "failed" && m.lastError && <> · {m.lastError}</>}
                </li>
              ))}
            </ul>
          )}
          {asking ? (
            <div role="group" aria-labelledby="erase-question">
              <p id="erase-question">{t("eraseQuestion")}</p>
              <button type="button" className="button button-danger" onClick={erase}>
                {t("confirmErase")}
              </button>{" "}
              <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
                {t("cancel")}
              </button>
            </div>
          ) : (
            <button type="button" className="button button-danger" onClick={() => setAsking(true)}>
              {t("erase")}
            </button>
          )}
        </section>
      )}
    </>
  );
}
