// The confirm step of a decision that cannot simply be taken back: what will happen, in words (closing: the date the
// retention job erases personal data, with the exports to make before then), a box to tick, and the button. A plain
// form posting a server action, so it works without JavaScript.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { DecisionKind } from "@/lib/organizers/decision-kinds";

export type DecisionSubject =
  | { kind: "close"; erasureDate: string; exports: { signers: string | null; letters: string | null } }
  | { kind: "reject" | "release"; subject: string; body: string; language: string; cosigned: boolean }
  | { kind: "releaseSignature"; signedOn: string; reason: string };

type Props = {
  locale: string;
  campaignId: string;
  item?: string;
  subject: DecisionSubject | null;
  /** The organizer's role may not take this decision (a viewer): said instead of the form. */
  forbidden?: boolean;
  error?: string;
  action: (form: FormData) => Promise<void>;
};

const errorKeys = ["unconfirmed", "conflict", "forbidden", "failed"] as const;

export async function ConfirmDecision({ locale, campaignId, item, subject, forbidden, error, action }: Props) {
  const t = await getTranslations({ locale, namespace: "decisions" });
  const back = `/${locale}/admin/campaigns/${campaignId}${subject?.kind === "releaseSignature" ? "/signals" : ""}`;
  if (!subject || forbidden) {
    return (
      <>
        <p role="status">{forbidden ? t("error.forbidden") : t("gone")}</p>
        <p>
          <Link href={back}>{t("cancel")}</Link>
        </p>
      </>
    );
  }
  const kind: DecisionKind = subject.kind;
  const errorKey = errorKeys.find((k) => k === error);
  return (
    <>
      <h1>{t(`title.${kind}`)}</h1>
      {subject.kind === "close" && (
        <div data-testid="close-consequences">
          <p>{t("consequences.close", { date: subject.erasureDate })}</p>
          {(subject.exports.signers || subject.exports.letters) && (
            <p>
              {t("consequences.closeExport")}{" "}
              {subject.exports.signers && (
                <a href={subject.exports.signers} download>
                  {(await getTranslations({ locale, namespace: "admin.campaign" }))("exportSigners")}
                </a>
              )}
              {subject.exports.signers && subject.exports.letters && " · "}
              {subject.exports.letters && (
                <a href={subject.exports.letters} download>
                  {(await getTranslations({ locale, namespace: "campaignTools" }))("exportLetters")}
                </a>
              )}
            </p>
          )}
        </div>
      )}
      {(subject.kind === "reject" || subject.kind === "release") && (
        <>
          <article className="letter-preview">
            <p>
              <strong>{subject.subject}</strong>
            </p>
            <p className="letter-text" lang={subject.language}>
              {subject.body}
            </p>
          </article>
          <p>{t(`consequences.${subject.kind}`)}</p>
        </>
      )}
      {subject.kind === "releaseSignature" && (
        <>
          <p>{t("signal", { date: subject.signedOn, reason: subject.reason })}</p>
          <p>{t("consequences.releaseSignature")}</p>
        </>
      )}
      <form action={action} className="confirm-decision">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="campaignId" value={campaignId} />
        <input type="hidden" name="action" value={kind} />
        {item && <input type="hidden" name="item" value={item} />}
        {subject.kind === "reject" &&
          (subject.cosigned ? (
            <div className="field checkbox">
              <input type="checkbox" id="strike-cosignature" name="strikeCosignature" value="yes" />
              <label htmlFor="strike-cosignature">{t("strikeCosignature")}</label>
            </div>
          ) : (
            <p className="hint">{t("notCosigned")}</p>
          ))}
        <div className="field checkbox">
          <input
            type="checkbox"
            id="confirm-decision"
            name="confirm"
            value="yes"
            required
            aria-invalid={errorKey === "unconfirmed" ? true : undefined}
            aria-describedby={errorKey ? "confirm-decision-error" : undefined}
          />
          <label htmlFor="confirm-decision">{t("understand")}</label>
        </div>
        <p id="confirm-decision-error" role="alert" className={errorKey ? "field-error" : undefined}>
          {errorKey && t(`error.${errorKey}`)}
        </p>
        <p className="admin-actions">
          <button type="submit" className={`button${kind === "release" ? "" : " button-danger"}`}>
            {t(`confirm.${kind}`)}
          </button>
          <Link className="button button-secondary" href={back}>
            {t("cancel")}
          </Link>
        </p>
      </form>
    </>
  );
}
