// Withdraws a letter that has not left yet, and the signature its confirmation recorded ("count me as a signer too"),
// through the one erasure (lib/privacy/erase-person.ts). A delivered letter cannot be called back (the answer says
// so), but our copy of it is erased: the writer's details and its text, keeping only its delivery record. A letter
// on its way (queued) is left as it is; that signature is erased in every case.
import { now } from "@/lib/infra/clock";
import { transaction } from "@/lib/infra/db";
import { erasePeople } from "@/lib/privacy/erase-person";
import { readLetterWithdrawToken } from "./links";

export type WithdrawLetterResult =
  | { status: "withdrawn"; campaignId: string }
  | { status: "on_its_way" | "delivered"; campaignId: string }
  | { status: "invalid" };

export async function withdrawLetter(token: string): Promise<WithdrawLetterResult> {
  const id = readLetterWithdrawToken(token);
  if (!id) return { status: "invalid" };
  return transaction(async (trx) => {
    const letter = await trx
      .selectFrom("letter")
      .select(["status", "campaign_id", "email_key", "confirmed_at"])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!letter || letter.status === "withdrawn") return { status: "invalid" };
    const { email_key: key, confirmed_at: confirmedAt } = letter;
    // The confirmation statement (confirm-letter.ts) gives the signature the letter's own confirmed_at.
    const companion =
      letter.status !== "pending" && key && confirmedAt
        ? await trx
            .selectFrom("signature")
            .select("id")
            .where("campaign_id", "=", letter.campaign_id)
            .where("email_key", "=", key)
            .where("status", "=", "confirmed")
            .where("confirmed_at", "=", confirmedAt)
            .execute()
        : [];
    const signatureIds = companion.map((s) => s.id);
    if (letter.status === "queued") {
      await erasePeople(trx, { signatureIds }, "withdraw", now());
      return { status: "on_its_way", campaignId: letter.campaign_id };
    }
    if (letter.status === "delivered") {
      await erasePeople(trx, { letterIds: [id], signatureIds }, "withdraw", now());
      return { status: "delivered", campaignId: letter.campaign_id };
    }
    await erasePeople(trx, { letterIds: [id], signatureIds }, "withdraw", now());
    return { status: "withdrawn", campaignId: letter.campaign_id };
  });
}
