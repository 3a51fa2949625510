import { setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/infra/i18n/config";
import { formatDay, formatMoment } from "@/lib/infra/i18n/format-moment";
import { titleFrom } from "@/lib/infra/i18n/page-title";
import { describeLetterDecision } from "@/lib/integrity/moderation/describe-letter-decision";
import { describeSuspected } from "@/lib/integrity/signals/describe-suspected";
import { decisionKinds, type DecisionKind } from "@/lib/organizers/decision-kinds";
import { pageScope } from "@/lib/organizers/page-organizer";
import { orNotFound } from "@/lib/organizers/page-not-found";
import { erasureDueIfClosedNow } from "@/lib/privacy/erasure-date";
import { AdminHeader } from "@/components/organizers/admin-header";
import { ConfirmDecision, type DecisionSubject } from "@/components/organizers/confirm-decision";
import { decideAction } from "./actions";

type Props = {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<{ action?: string; item?: string; error?: string }>;
};

export const generateMetadata = titleFrom("decisions", "pageTitle");

// /[locale]/admin/campaigns/[id]/confirm?action=close|reject|release|releaseSignature&item=… – the confirm step.
export default async function ConfirmDecisionPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { action, item, error } = await searchParams;
  const scope = await pageScope(locale);
  const campaign = await orNotFound(scope.campaign(id));
  const canEdit = scope.organizer.role !== "viewer";
  const kind = decisionKinds.find((k) => k === action);
  const subject = kind ? await subjectOf(kind) : null;

  async function subjectOf(kind: DecisionKind): Promise<DecisionSubject | null> {
    if (kind === "close") {
      if (campaign.status !== "open") return null;
      const base = `/api/organizer/campaigns/${campaign.id}/exports`;
      return {
        kind,
        erasureDate: formatDay(erasureDueIfClosedNow(campaign), locale),
        exports: { signers: canEdit ? `${base}/signers` : null, letters: canEdit ? `${base}/letters` : null },
      };
    }
    if (!item) return null;
    if (kind === "releaseSignature") {
      const s = await orNotFound(describeSuspected(scope, campaign.id, item));
      return s?.suspected ? { kind, signedOn: formatMoment(s.createdAt, locale), reason: s.reason ?? "—" } : null;
    }
    const letter = await orNotFound(describeLetterDecision(scope, campaign.id, item));
    return letter?.held ? { kind, ...letter } : null;
  }

  return (
    <>
      <AdminHeader scope={scope} locale={locale} />
      <ConfirmDecision
        locale={locale}
        campaignId={campaign.id}
        item={item}
        subject={subject}
        forbidden={!canEdit}
        error={error}
        action={decideAction}
      />
    </>
  );
}
