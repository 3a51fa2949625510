import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { openResult } from "@/lib/delivery/bundle/verification-result";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import type { Locale } from "@/lib/infra/i18n/config";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ result?: string }> };

export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("verify", "title", { robots: { index: false } });

// The public check of a delivery bundle: a plain form (it works without JavaScript) posted to /api/bundles/verify,
// which answers with this page and the signed result of the check.
export default async function VerifyPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "verify" });
  const format = await getFormatter({ locale });
  const result = openResult((await searchParams).result);
  const c = result?.certifies;
  return (
    <div className="page narrow">
      <h1>{t("title")}</h1>
      {result ? (
        <section
          aria-labelledby="verify-result"
          className={result.ok ? "notice" : "notice error"}
          data-testid="verify-result"
        >
          <h2 id="verify-result" role="status">
            {result.ok ? t("valid", { organization: c?.organization.name ?? "" }) : t("invalid")}
          </h2>
          {result.problems.length > 0 && (
            <>
              <h3>{t("problems")}</h3>
              <ul>
                {result.problems.map((p) => (
                  <li key={p}>{t(`problem.${p}`)}</li>
                ))}
              </ul>
            </>
          )}
          {c && (
            <>
              <h3>{t("certifies")}</h3>
              <dl className="facts">
                <dt>{t("campaign")}</dt>
                <dd>{c.campaign.title}</dd>
                <dt>{t("organization")}</dt>
                <dd>{c.organization.name}</dd>
                <dt>{t("target")}</dt>
                <dd>{c.target.name}</dd>
                <dt>{t("madeAt")}</dt>
                <dd>
                  {format.dateTime(new Date(c.generatedAt), { dateStyle: "long", timeStyle: "short", timeZone: "UTC" })}{" "}
                  UTC
                </dd>
                <dt>{t("signatures")}</dt>
                <dd data-testid="verify-signatures">{format.number(c.counts.signatures)}</dd>
                <dt>{t("letters")}</dt>
                <dd>{format.number(c.counts.letters)}</dd>
                <dt>{t("ownWords")}</dt>
                <dd>{format.number(c.counts.personalisedLetters)}</dd>
                <dt>{t("removals")}</dt>
                <dd>{format.number(c.counts.removals)}</dd>
                <dt>{t("previous")}</dt>
                <dd>
                  <code>{c.previousManifestSha256 ?? t("previousNone")}</code>
                </dd>
                <dt>{t("keyId")}</dt>
                <dd>
                  <code>{c.keyId}</code>
                  {result.keyRetired && <p className="hint">{t("keyRetired")}</p>}
                </dd>
              </dl>
            </>
          )}
          {result.files.length > 0 && (
            <>
              <h3>{t("filesChecked")}</h3>
              <ul>
                {result.files.map((f) => (
                  <li key={f.name}>
                    {f.status === "ok" ? t("fileOk", { name: f.name }) : t("fileChanged", { name: f.name })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : (
        <p>{t("intro")}</p>
      )}
      <form method="post" action="/api/bundles/verify" encType="multipart/form-data" className="stack">
        <input type="hidden" name="locale" value={locale} />
        <div className="field">
          <label htmlFor="verify-manifest">{t("manifest")}</label>
          <input id="verify-manifest" name="manifest" type="file" accept=".json,application/json" required />
        </div>
        <div className="field">
          <label htmlFor="verify-signature">{t("signature")}</label>
          <input id="verify-signature" name="signature" type="file" accept=".sig,text/plain" required />
        </div>
        <div className="field">
          <label htmlFor="verify-files">{t("files")}</label>
          <input id="verify-files" name="files" type="file" multiple aria-describedby="verify-files-hint" />
          <p id="verify-files-hint" className="hint">
            {t("filesHint")}
          </p>
        </div>
        <button type="submit">{t("submit")}</button>
      </form>
    </div>
  );
}
