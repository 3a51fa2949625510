"use server";

import { redirect } from "next/navigation";
import { AppError } from "@/lib/infra/errors";
import { isLocale } from "@/lib/infra/i18n/config";
import { moderateLetter } from "@/lib/integrity/moderation/moderate-letter";
import { releaseSuspected } from "@/lib/integrity/signals/release-suspected";
import { setCampaignStatus } from "@/lib/organizers/campaigns/set-campaign-status";
import { pageScope } from "@/lib/organizers/page-organizer";
import { decisionKinds, type DecisionKind } from "@/lib/organizers/decision-kinds";

// The confirm step's form (works without JavaScript): nothing happens unless the box is ticked; then the one verb
// for the decision runs under the organizer's scope, and the organizer lands back on the campaign page.
export async function decideAction(form: FormData): Promise<void> {
  const locale = String(form.get("locale") ?? "en");
  const lang = isLocale(locale) ? locale : "en";
  const campaignId = String(form.get("campaignId") ?? "");
  const kind = String(form.get("action") ?? "") as DecisionKind;
  const item = String(form.get("item") ?? "");
  const back = `/${lang}/admin/campaigns/${encodeURIComponent(campaignId)}`;
  if (!decisionKinds.includes(kind)) redirect(back);
  const again = (error: string) =>
    `${back}/confirm?action=${kind}${item ? `&item=${encodeURIComponent(item)}` : ""}&error=${error}`;
  if (form.get("confirm") !== "yes") redirect(again("unconfirmed"));
  const scope = await pageScope(lang);
  let error: string | null = null;
  try {
    if (kind === "close") await setCampaignStatus(scope, campaignId, "closed");
    else if (kind === "releaseSignature") await releaseSuspected(scope, campaignId, item);
    else {
      const letter = await scope.letter(item);
      if (letter.campaignId !== campaignId) throw new AppError("not_found");
      await moderateLetter(scope, item, kind, { strikeCosignature: form.get("strikeCosignature") === "yes" });
    }
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    error =
      err.code === "conflict" || err.code === "forbidden" ? err.code : err.code === "not_found" ? "gone" : "failed";
  }
  if (error === "gone") redirect(`${back}/confirm?action=${kind}&item=${encodeURIComponent(item)}`);
  // A signature is let through from the Signals page: the organizer returns there, to the next one.
  redirect(error ? again(error) : kind === "releaseSignature" ? `${back}/signals` : `${back}?done=${kind}`);
}
