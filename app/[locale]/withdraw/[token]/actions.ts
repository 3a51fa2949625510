"use server";

import { changeAppearance } from "@/lib/signatures/change-appearance";
import { readWithdrawToken } from "@/lib/signatures/links";
import { withdrawSignature } from "@/lib/signatures/withdraw-signature";
import { forgetSignerWall } from "@/lib/signer-wall/forget-signer-wall";

export type WithdrawState = { status: "idle" | "withdrawn" | "invalid" };

// Runs only when the button is pressed (a POST): fetching the link withdraws nothing.
export async function withdrawAction(token: string, _prev: { status: string }): Promise<WithdrawState> {
  const result = await withdrawSignature(token);
  if (result.status === "withdrawn") await forgetSignerWall({ campaignId: result.campaignId });
  return { status: result.status };
}

export type AppearanceState = { status: "idle" | "changed" | "delivered" | "invalid" };

// The same link changes how the signer appears to the recipient, until a digest takes the signature.
export async function changeAppearanceAction(
  token: string,
  _prev: AppearanceState,
  form: FormData,
): Promise<AppearanceState> {
  const result = await changeAppearance(token, form.get("appearance"));
  const signatureId = readWithdrawToken(token);
  if (result.status === "changed" && signatureId) await forgetSignerWall({ signatureId });
  return result;
}
