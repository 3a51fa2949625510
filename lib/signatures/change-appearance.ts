// A signer changes how they appear to the target from their link (the withdraw link every email carries), until a
// digest has taken their signature: what was handed over for delivery cannot be called back.
import { db } from "@/lib/infra/db";
import { isAppearance } from "@/lib/campaigns/appearance";
import { readWithdrawToken } from "./links";

export type ChangeAppearanceResult = { status: "changed" | "delivered" | "invalid" };

export async function changeAppearance(token: string, appearance: unknown): Promise<ChangeAppearanceResult> {
  const id = readWithdrawToken(token);
  if (!id || !isAppearance(appearance)) return { status: "invalid" };
  const changed = await db
    .updateTable("signature")
    .set({ appearance })
    .where("id", "=", id)
    .where("status", "in", ["pending", "confirmed"])
    .where("delivery_message_id", "is", null)
    .returning("id")
    .executeTakeFirst();
  if (changed) return { status: "changed" };
  const found = await db.selectFrom("signature").select("delivery_message_id").where("id", "=", id).executeTakeFirst();
  return { status: found?.delivery_message_id ? "delivered" : "invalid" };
}
