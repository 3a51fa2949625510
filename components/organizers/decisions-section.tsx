// Who decided what on this campaign, and when (the audit log): closing with its erasure date, address changes,
// letters released or rejected ("Rejected by X on date"), signatures let through. Also the line under the campaign's
// status that says who closed it and when its personal data goes, and the confirmation of a decision just taken.
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { formatDay, formatMoment } from "@/lib/infra/i18n/format-moment";
import type { Decision } from "@/lib/organizers/list-decisions";
import { decisionKinds } from "@/lib/organizers/decision-kinds";
import { AdminSection } from "./admin-section";

export async function DecisionsSection({ decisions, locale }: { decisions: Decision[]; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "decisions.log" });
  return (
    <AdminSection id="decisions" title={t("title")} empty={decisions.length === 0 && t("empty")}>
      <ul className="decision-list" data-testid="decisions">
        {decisions.map((d) => {
          const key = d.action.replace(".", "_");
          const erasure = typeof d.details.erasureDueAt === "string" ? new Date(d.details.erasureDueAt) : null;
          const target = d.action === "campaign.slug_changed" ? `${d.details.from} → ${d.details.to}` : d.target;
          return (
            <li key={d.id}>
              <strong>{t.has(`action.${key}`) ? t(`action.${key}` as never) : d.action}</strong>: {target}{" "}
              <span className="muted">
                {t("by", { actor: d.actorEmail, date: formatMoment(d.at, locale) })}
                {erasure && ` · ${t("erasure", { date: formatDay(erasure, locale) })}`}
                {d.details.cosignatureStruck === true && ` · ${t("struck")}`}
              </span>
            </li>
          );
        })}
      </ul>
    </AdminSection>
  );
}

/** Under a closed campaign's status: who closed it, when, and when its personal data is erased. */
export async function ClosedNote({ decisions, locale }: { decisions: Decision[]; locale: Locale }) {
  const closed = decisions.find((d) => d.action === "campaign.closed" || d.action === "campaign.opened");
  if (!closed || closed.action !== "campaign.closed" || typeof closed.details.erasureDueAt !== "string") return null;
  const t = await getTranslations({ locale, namespace: "decisions" });
  return (
    <p data-testid="closed-note">
      {t("closedBy", {
        actor: closed.actorEmail,
        date: formatMoment(closed.at, locale),
        erasure: formatDay(new Date(closed.details.erasureDueAt), locale),
      })}
    </p>
  );
}

/** The decision just taken on the confirm step, said once on the page it returns to. */
export async function DecisionDone({ done, locale }: { done: string | undefined; locale: Locale }) {
  const kind = decisionKinds.find((k) => k === done);
  if (!kind) return null;
  const t = await getTranslations({ locale, namespace: "decisions.done" });
  return (
    <p role="status" className="notice">
      {t(kind)}
    </p>
  );
}
