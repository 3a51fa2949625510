import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import type { Scope } from "@/lib/organizers/scope";
import { listPendingReasons } from "@/lib/signer-wall/list-pending-reasons";
import { AdminSection } from "@/components/organizers/admin-section";
import { ApiButton } from "@/components/organizers/api-button";

type Props = { scope: Scope; campaignId: string; locale: Locale };

/**
 * The campaign admin page's queue of signers' reasons waiting for a decision before the public signer wall may show
 * them. Editors and owners approve or reject each; viewers see the queue without the buttons (the API refuses them).
 */
export async function ReasonQueue({ scope, campaignId, locale }: Props) {
  const [pending, t] = await Promise.all([
    listPendingReasons(scope, campaignId),
    getTranslations({ locale, namespace: "reasonQueue" }),
  ]);
  const canReview = scope.organizer.role !== "viewer";
  const countries = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
  return (
    <AdminSection
      id="reasons"
      title={t("heading")}
      hint={canReview ? t("hint") : `${t("hint")} ${t("viewerNote")}`}
      empty={pending.length === 0 && t("empty")}
    >
      <ul className="held-list" data-testid="reason-queue">
        {pending.map((r) => (
          <li key={r.signatureId} className="letter-preview" data-testid="pending-reason">
            <p>
              {t("shownAs")}{" "}
              <strong>
                <bdi>{r.shownAs}</bdi>
              </strong>{" "}
              · {countries.of(r.country) ?? r.country}
            </p>
            <blockquote>
              <p dir="auto">{r.reason}</p>
            </blockquote>
            {canReview && (
              <p className="admin-actions">
                <ApiButton url={`/api/organizer/reasons/${r.signatureId}/approve`} label={t("approve")} />
                <ApiButton url={`/api/organizer/reasons/${r.signatureId}/reject`} label={t("reject")} danger />
              </p>
            )}
          </li>
        ))}
      </ul>
    </AdminSection>
  );
}
