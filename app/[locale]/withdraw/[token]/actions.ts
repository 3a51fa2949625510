"use server";

import { withdrawSignature } from "@/lib/signatures/withdraw-signature";

export type WithdrawState = { status: "idle" | "withdrawn" | "invalid" };

// Runs only when the button is pressed (a POST): fetching the link withdraws nothing.
export async function withdrawAction(token: string, _prev: { status: string }): Promise<WithdrawState> {
  const result = await withdrawSignature(token);
  return { status: result.status };
}
