"use client";

// Create or edit a campaign in both languages. The server validates with lib/organizers/campaigns/campaign-schema and answers
// { error: { fields: { "texts.ko.title": { code, message } } } } in the reader's language; each message is shown
// next to its field (aria-describedby) and listed in a summary that is announced (aria-live).
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { CampaignInput, CampaignTargetInput } from "@/lib/organizers/campaigns/campaign-schema";
import { campaignFieldLabel, type FormLabels } from "./campaign-field-label";

type Text = CampaignInput["texts"]["en"];
type Target = CampaignTargetInput;
type TopicText = NonNullable<CampaignInput["topics"]>[number]["texts"]["en"];
type FieldErrors = Record<string, string>;

const emptyText: Text = { title: "", summary: "", targetName: "", context: "", letter: "", sources: "" };
const emptyTopicText: TopicText = { title: "", fact: "", ask: "", source: "", paragraph: "" };
const emptyTarget = (): Target => ({
  email: "",
  language: "en",
  plan: "one_by_one",
  intervalMinutes: 1440,
  texts: { en: { name: "", office: "" }, ko: { name: "", office: "" } },
});
export const emptyCampaign: CampaignInput = {
  slug: "",
  goal: 1000,
  targetEmail: "",
  senderEmail: "",
  defaultLocale: "en",
  letterDelivery: "individual",
  risk: "standard",
  digestIntervalMinutes: 1440,
  throttlePerMinute: 30,
  holdUntil: "",
  opensAt: "",
  closesAt: "",
  texts: { en: { ...emptyText }, ko: { ...emptyText } },
  topics: [],
  targets: [emptyTarget()],
};

const fieldId = (path: string) => `f-${path.replaceAll(".", "-")}`;
const toLocalInput = (v: unknown) => (typeof v === "string" && v ? v.slice(0, 16) : "");
const fromLocalInput = (v: string) => (v ? `${v}:00Z` : "");

type Props = {
  initial: CampaignInput;
  campaignId?: string;
  /** A public campaign's address: changing it asks for a tick on this label (the old address redirects). */
  slugChange?: { from: string; label: string };
};

export function CampaignForm({ initial, campaignId, slugChange }: Props) {
  const t = useTranslations("admin.form");
  const locale = useLocale();
  const router = useRouter();
  const [value, setValue] = useState<CampaignInput>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<"idle" | "saving" | "saved">("idle");
  const summaryRef = useRef<HTMLDivElement>(null);

  const set = (patch: Partial<CampaignInput>) => setValue((v) => ({ ...v, ...patch }));
  const setText = (lang: "en" | "ko", key: keyof Text, text: string) =>
    setValue((v) => ({ ...v, texts: { ...v.texts, [lang]: { ...v.texts[lang], [key]: text } } }));
  const topics = value.topics ?? [];
  const targets = value.targets ?? [];
  const setTarget = (i: number, patch: (t: Target) => Target) =>
    setValue((v) => ({ ...v, targets: (v.targets ?? []).map((t, j) => (j === i ? patch(t) : t)) }));
  const setTopic = (i: number, patch: (t: (typeof topics)[number]) => (typeof topics)[number]) =>
    setValue((v) => ({ ...v, topics: (v.topics ?? []).map((t, j) => (j === i ? patch(t) : t)) }));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setStatus("saving");
    const res = await fetch(campaignId ? `/api/organizer/campaigns/${campaignId}` : "/api/organizer/campaigns", {
      method: campaignId ? "PATCH" : "POST",
      headers: { "content-type": "application/json", "accept-language": locale },
      body: JSON.stringify(value),
    }).catch(() => null);
    const body = await res?.json().catch(() => null);
    if (res?.ok) {
      setErrors({});
      setStatus("saved");
      router.push(`/${locale}/admin/campaigns/${body.id}`);
      router.refresh();
      return;
    }
    const fields: Record<string, { message: string }> = body?.error?.fields ?? {
      _: { message: body?.error?.message ?? "Error" },
    };
    setErrors(Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.message])));
    setStatus("idle");
    summaryRef.current?.focus();
  }

  const input = (
    path: string,
    label: string,
    current: string | number | undefined,
    onChange: (v: string) => void,
    props: React.InputHTMLAttributes<HTMLInputElement> = {},
  ) => (
    <div className="field">
      <label htmlFor={fieldId(path)}>{label}</label>
      <input
        id={fieldId(path)}
        value={current ?? ""}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors[path] ? true : undefined}
        aria-describedby={errors[path] ? `${fieldId(path)}-error` : undefined}
        {...props}
      />
      {errors[path] && (
        <p id={`${fieldId(path)}-error`} className="field-error">
          {errors[path]}
        </p>
      )}
    </div>
  );
  const area = (
    path: string,
    label: string,
    current: string | undefined,
    onChange: (v: string) => void,
    rows = 4,
    lang?: string,
  ) => (
    <div className="field">
      <label htmlFor={fieldId(path)}>{label}</label>
      <textarea
        id={fieldId(path)}
        rows={rows}
        lang={lang}
        value={current ?? ""}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors[path] ? true : undefined}
        aria-describedby={errors[path] ? `${fieldId(path)}-error` : undefined}
      />
      {errors[path] && (
        <p id={`${fieldId(path)}-error`} className="field-error">
          {errors[path]}
        </p>
      )}
    </div>
  );
  const errorList = Object.entries(errors);

  return (
    <form className="campaign-form" onSubmit={submit} noValidate>
      <div ref={summaryRef} tabIndex={-1} aria-live="polite" className={errorList.length ? "error-summary" : undefined}>
        {errorList.length > 0 && (
          <>
            <p>{t("errors", { count: errorList.length })}</p>
            <ul>
              {errorList.map(([path, message]) => {
                const label = campaignFieldLabel(path, t as unknown as FormLabels);
                return (
                  <li key={path}>{label ? <a href={`#${fieldId(path)}`}>{`${label}: ${message}`}</a> : message}</li>
                );
              })}
            </ul>
          </>
        )}
        {status === "saved" && <p>{t("saved")}</p>}
      </div>

      <fieldset>
        <legend>{t("general")}</legend>
        {input("slug", t("slug"), value.slug, (v) => set({ slug: v }), { autoComplete: "off" })}
        {slugChange && value.slug.trim().toLowerCase() !== slugChange.from && (
          <div className="field checkbox">
            <input
              type="checkbox"
              id={fieldId("confirmSlugChange")}
              checked={value.confirmSlugChange === true}
              onChange={(e) => set({ confirmSlugChange: e.target.checked })}
              required
            />
            <label htmlFor={fieldId("confirmSlugChange")}>{slugChange.label}</label>
          </div>
        )}
        {input("goal", t("goal"), value.goal as number, (v) => set({ goal: v as unknown as number }), {
          inputMode: "numeric",
        })}
        {input("senderEmail", t("senderEmail"), value.senderEmail as string | undefined, (v) =>
          set({ senderEmail: v }),
        )}
        <div className="field">
          <label htmlFor={fieldId("defaultLocale")}>{t("defaultLocale")}</label>
          <select
            id={fieldId("defaultLocale")}
            value={value.defaultLocale}
            onChange={(e) => set({ defaultLocale: e.target.value as "en" | "ko" })}
          >
            <option value="en">{t("english")}</option>
            <option value="ko">{t("korean")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={fieldId("risk")}>{t("risk")}</label>
          <select
            id={fieldId("risk")}
            value={value.risk}
            onChange={(e) => set({ risk: e.target.value as "standard" | "at_risk" })}
            aria-describedby={`${fieldId("risk")}-hint`}
          >
            <option value="standard">{t("riskStandard")}</option>
            <option value="at_risk">{t("riskAtRisk")}</option>
          </select>
          <p id={`${fieldId("risk")}-hint`} className="hint">
            {t("riskHint")}
          </p>
        </div>
        {input(
          "throttlePerMinute",
          t("throttlePerMinute"),
          value.throttlePerMinute as number,
          (v) => set({ throttlePerMinute: v as unknown as number }),
          { inputMode: "numeric" },
        )}
        {input(
          "letterHoldHours",
          t("letterHoldHours"),
          (value.letterHoldHours as number | undefined) ?? "",
          (v) => set({ letterHoldHours: v as unknown as number }),
          { inputMode: "numeric" },
        )}
        {input(
          "opensAt",
          `${t("opensAt")} (UTC)`,
          toLocalInput(value.opensAt),
          (v) => set({ opensAt: fromLocalInput(v) }),
          { type: "datetime-local" },
        )}
        {input(
          "closesAt",
          `${t("closesAt")} (UTC)`,
          toLocalInput(value.closesAt),
          (v) => set({ closesAt: fromLocalInput(v) }),
          { type: "datetime-local" },
        )}
        {input(
          "holdUntil",
          `${t("holdUntil")} (UTC)`,
          toLocalInput(value.holdUntil),
          (v) => set({ holdUntil: fromLocalInput(v) }),
          { type: "datetime-local" },
        )}
      </fieldset>

      <fieldset>
        <legend>{t("targets")}</legend>
        <p className="hint">{t("targetsHint")}</p>
        {targets.map((target, i) => (
          <fieldset key={i} className="topic-fields">
            <legend>{t("target", { number: i + 1 })}</legend>
            {(["en", "ko"] as const).map((lang) => (
              <div key={lang} lang={lang} className="topic-lang">
                <p className="personal-label">{lang === "en" ? t("english") : t("korean")}</p>
                {input(`targets.${i}.texts.${lang}.name`, t("targetName"), target.texts[lang].name, (v) =>
                  setTarget(i, (x) => ({ ...x, texts: { ...x.texts, [lang]: { ...x.texts[lang], name: v } } })),
                )}
                {input(
                  `targets.${i}.texts.${lang}.office`,
                  t("targetOffice"),
                  target.texts[lang].office as string | undefined,
                  (v) =>
                    setTarget(i, (x) => ({ ...x, texts: { ...x.texts, [lang]: { ...x.texts[lang], office: v } } })),
                )}
              </div>
            ))}
            {input(
              `targets.${i}.email`,
              t("targetEmailOf"),
              target.email,
              (v) => setTarget(i, (x) => ({ ...x, email: v })),
              {
                type: "email",
              },
            )}
            <div className="field">
              <label htmlFor={fieldId(`targets.${i}.language`)}>{t("targetLanguage")}</label>
              <select
                id={fieldId(`targets.${i}.language`)}
                value={target.language}
                onChange={(e) => setTarget(i, (x) => ({ ...x, language: e.target.value as "en" | "ko" }))}
              >
                <option value="en">{t("english")}</option>
                <option value="ko">{t("korean")}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={fieldId(`targets.${i}.plan`)}>{t("targetPlan")}</label>
              <select
                id={fieldId(`targets.${i}.plan`)}
                value={target.plan}
                onChange={(e) => setTarget(i, (x) => ({ ...x, plan: e.target.value as Target["plan"] }))}
              >
                <option value="one_by_one">{t("planOneByOne")}</option>
                <option value="digest">{t("planDigest")}</option>
                <option value="bundle_only">{t("planBundleOnly")}</option>
              </select>
            </div>
            {input(
              `targets.${i}.intervalMinutes`,
              t("targetInterval"),
              target.intervalMinutes as number,
              (v) => setTarget(i, (x) => ({ ...x, intervalMinutes: v as unknown as number })),
              { inputMode: "numeric" },
            )}
            {targets.length > 1 && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => set({ targets: targets.filter((_, j) => j !== i) })}
              >
                {t("removeTarget", { number: i + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        <button
          type="button"
          className="button button-secondary"
          onClick={() => set({ targets: [...targets, emptyTarget()] })}
        >
          {t("addTarget")}
        </button>
      </fieldset>

      {(["en", "ko"] as const).map((lang) => (
        <fieldset key={lang} lang={lang}>
          <legend>{lang === "en" ? t("english") : t("korean")}</legend>
          {input(`texts.${lang}.title`, t("title"), value.texts[lang].title, (v) => setText(lang, "title", v))}
          {area(
            `texts.${lang}.summary`,
            t("summary"),
            value.texts[lang].summary,
            (v) => setText(lang, "summary", v),
            2,
          )}
          {area(
            `texts.${lang}.context`,
            t("context"),
            value.texts[lang].context,
            (v) => setText(lang, "context", v),
            5,
          )}
          {area(`texts.${lang}.letter`, t("letter"), value.texts[lang].letter, (v) => setText(lang, "letter", v), 8)}
          {area(
            `texts.${lang}.sources`,
            t("sources"),
            value.texts[lang].sources,
            (v) => setText(lang, "sources", v),
            2,
          )}
        </fieldset>
      ))}

      <fieldset>
        <legend>{t("topics")}</legend>
        {topics.map((topic, i) => (
          <fieldset key={i} className="topic-fields">
            <legend>{t("topic", { number: i + 1 })}</legend>
            {input(`topics.${i}.key`, t("topicKey"), topic.key, (v) => setTopic(i, (x) => ({ ...x, key: v })), {
              autoComplete: "off",
            })}
            {(["en", "ko"] as const).map((lang) => (
              <div key={lang} lang={lang} className="topic-lang">
                <p className="personal-label">{lang === "en" ? t("english") : t("korean")}</p>
                {(["title", "fact", "ask", "source", "paragraph"] as const).map((key) =>
                  area(
                    `topics.${i}.texts.${lang}.${key}`,
                    t(key),
                    topic.texts[lang][key],
                    (v) =>
                      setTopic(i, (x) => ({ ...x, texts: { ...x.texts, [lang]: { ...x.texts[lang], [key]: v } } })),
                    key === "paragraph" ? 3 : 1,
                  ),
                )}
              </div>
            ))}
            <button
              type="button"
              className="button button-secondary"
              onClick={() => set({ topics: topics.filter((_, j) => j !== i) })}
            >
              {t("removeTopic", { number: i + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            set({ topics: [...topics, { key: "", texts: { en: { ...emptyTopicText }, ko: { ...emptyTopicText } } }] })
          }
        >
          {t("addTopic")}
        </button>
      </fieldset>

      <button type="submit" className="button" disabled={status === "saving"}>
        {t("save")}
      </button>
    </form>
  );
}
