"use client";
// The organizer's timeline editor: add an entry (what, which day, a text in each language), remove one, and set the
// campaign's deadline. Errors appear beside their fields and in a summary that takes the focus.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { eventKinds } from "@/lib/timeline/schema";

type Entry = { id: string; kind: (typeof eventKinds)[number]; happenedOn: string; textEn: string; textKo: string };
type Errors = Record<string, string>;

async function send(url: string, method: string, body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch(() => null);
  const data = await res?.json().catch(() => null);
  const fields = (data?.error?.fields ?? {}) as Record<string, { message: string }>;
  return {
    ok: !!res?.ok,
    errors: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.message])) as Errors,
    message: (data?.error?.message as string | undefined) ?? "Error",
  };
}

export function TimelineEditor({
  campaignId,
  entries,
  deadline,
  canEdit,
}: {
  campaignId: string;
  entries: Entry[];
  deadline: string;
  canEdit: boolean;
}) {
  const t = useTranslations("timeline");
  const router = useRouter();
  const base = `/api/organizer/campaigns/${campaignId}`;
  const [entry, setEntry] = useState({ kind: "delivered", happenedOn: "", textEn: "", textKo: "" });
  const [deadlineValue, setDeadlineValue] = useState(deadline);
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);

  function report(result: Awaited<ReturnType<typeof send>>, done: string) {
    setErrors(result.errors);
    if (result.ok) {
      setFailed(null);
      setStatus(done);
      router.refresh();
    } else {
      setStatus(null);
      setFailed(Object.keys(result.errors).length ? t("admin.errorSummary") : result.message);
    }
    summary.current?.focus();
    return result.ok;
  }

  const describe = (name: string) => (errors[name] ? `tl-${name}-error` : undefined);
  const errorLine = (name: string) => (
    <p id={`tl-${name}-error`} className="field-error" hidden={!errors[name]}>
      {errors[name]}
    </p>
  );
  const input = (name: "happenedOn" | "textEn" | "textKo", label: string) => (
    <div className="field">
      <label htmlFor={`tl-${name}`}>{label}</label>
      {name === "happenedOn" ? (
        <input
          id={`tl-${name}`}
          type="date"
          required
          value={entry.happenedOn}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={describe(name)}
          onChange={(e) => setEntry((v) => ({ ...v, happenedOn: e.target.value }))}
        />
      ) : (
        <textarea
          id={`tl-${name}`}
          rows={3}
          required
          value={entry[name]}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={describe(name)}
          onChange={(e) => setEntry((v) => ({ ...v, [name]: e.target.value }))}
        />
      )}
      {errorLine(name)}
    </div>
  );

  return (
    <>
      <div ref={summary} tabIndex={-1} role="status" aria-live="polite">
        {failed && <p className="field-error">{failed}</p>}
        {status && (
          <p className="notice" data-testid="timeline-status">
            {status}
          </p>
        )}
      </div>
      <section aria-labelledby="entries-heading" className="admin-section">
        <h2 id="entries-heading">{t("heading")}</h2>
        {entries.length === 0 ? (
          <p>{t("admin.empty")}</p>
        ) : (
          <ul data-testid="timeline-entries">
            {entries.map((e) => (
              <li key={e.id}>
                <time dateTime={e.happenedOn}>{e.happenedOn}</time> · {t(`kinds.${e.kind}`)} ·{" "}
                <span lang="en">{e.textEn}</span> / <span lang="ko">{e.textKo}</span>{" "}
                {canEdit && (
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={async () => report(await send(`${base}/timeline/${e.id}`, "DELETE"), t("admin.removed"))}
                  >
                    {t("admin.remove")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {canEdit && (
        <form
          className="sign-form admin-section"
          noValidate
          aria-labelledby="add-heading"
          onSubmit={async (event) => {
            event.preventDefault();
            if (report(await send(`${base}/timeline`, "POST", entry), t("admin.added")))
              setEntry({ kind: "delivered", happenedOn: "", textEn: "", textKo: "" });
          }}
        >
          <h2 id="add-heading">{t("admin.add")}</h2>
          <div className="field">
            <label htmlFor="tl-kind">{t("admin.kind")}</label>
            <select
              id="tl-kind"
              value={entry.kind}
              aria-describedby={describe("kind")}
              onChange={(e) => setEntry((v) => ({ ...v, kind: e.target.value }))}
            >
              {eventKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
            {errorLine("kind")}
          </div>
          {input("happenedOn", t("admin.date"))}
          {input("textEn", t("admin.textEn"))}
          {input("textKo", t("admin.textKo"))}
          <button type="submit" className="button">
            {t("admin.add")}
          </button>
        </form>
      )}
      {canEdit && (
        <form
          className="sign-form admin-section"
          noValidate
          aria-labelledby="deadline-heading"
          onSubmit={async (event) => {
            event.preventDefault();
            report(await send(`${base}/deadline`, "PUT", { deadline: deadlineValue }), t("admin.deadlineSaved"));
          }}
        >
          <h2 id="deadline-heading">{t("admin.deadlineHeading")}</h2>
          <p className="hint" id="tl-deadline-hint">
            {t("admin.deadlineHint")}
          </p>
          <div className="field">
            <label htmlFor="tl-deadline">{t("admin.deadline")}</label>
            <input
              id="tl-deadline"
              type="datetime-local"
              value={deadlineValue}
              aria-invalid={errors.deadline ? true : undefined}
              aria-describedby={["tl-deadline-hint", describe("deadline")].filter(Boolean).join(" ")}
              onChange={(e) => setDeadlineValue(e.target.value)}
            />
            {errorLine("deadline")}
          </div>
          <button type="submit" className="button">
            {t("admin.saveDeadline")}
          </button>
        </form>
      )}
    </>
  );
}
