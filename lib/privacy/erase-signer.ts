// Erases everything a campaign holds about one address, as if its owner had withdrawn their signature and letter:
// for an organizer acting on a person's request (the page and its audit record come with issue 16; this verb checks
// no organizer, the caller does). A letter already on its way to the target is left to be delivered first.
import { now } from "@/lib/infra/clock";
import { transaction } from "@/lib/infra/db";
import { emailKey } from "@/lib/infra/validation/normalize-email";
import { erasePeople, type Erasure } from "./erase-person";

export type SignerErasure = {
  /** Signatures deleted, and how many of them the count lost. */
  signatures: number;
  uncounted: number;
  /** Letters withdrawn, or erased in place once delivered. */
  letters: number;
  /** Letters still on their way to the target: not erased; erase again once they are delivered. */
  waiting: number;
};

export async function eraseSigner(campaignId: string, email: string): Promise<SignerErasure> {
  const key = emailKey(email);
  const erasure: Erasure = await transaction(async (trx) => {
    const letters = await trx
      .selectFrom("letter")
      .select("id")
      .where("campaign_id", "=", campaignId)
      .where("email_key", "=", key)
      .execute();
    const signatures = await trx
      .selectFrom("signature")
      .select("id")
      .where("campaign_id", "=", campaignId)
      .where("email_key", "=", key)
      .execute();
    return erasePeople(
      trx,
      { letterIds: letters.map((l) => l.id), signatureIds: signatures.map((s) => s.id) },
      "withdraw",
      now(),
    );
  });
  return {
    signatures: erasure.signatures.filter((s) => s.fate === "deleted").length,
    uncounted: erasure.uncounted,
    letters: erasure.letters.filter((l) => l.fate !== "waiting").length,
    waiting: erasure.letters.filter((l) => l.fate === "waiting").length,
  };
}
