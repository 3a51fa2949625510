// Withdraws a signature: the person leaves, so the one erasure (lib/privacy/erase-person.ts) deletes the row (name,
// email, address, comment, IP hash), takes a confirmed one off the count, and erases its emails: recipient,
// parameters, relay answers and their history; unsent ones are cancelled.
import { now } from "@/lib/infra/clock";
import { transaction } from "@/lib/infra/db";
import { erasePeople } from "@/lib/privacy/erase-person";
import { readWithdrawToken } from "./links";

export type WithdrawResult = { status: "withdrawn"; campaignId: string } | { status: "invalid" };

export async function withdrawSignature(token: string): Promise<WithdrawResult> {
  const id = readWithdrawToken(token);
  if (!id) return { status: "invalid" };
  return transaction(async (trx) => {
    const [signature] = (await erasePeople(trx, { signatureIds: [id] }, "withdraw", now())).signatures;
    return signature ? { status: "withdrawn", campaignId: signature.campaignId } : { status: "invalid" };
  });
}
