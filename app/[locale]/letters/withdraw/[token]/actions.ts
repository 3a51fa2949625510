"use server";

import { withdrawLetter } from "@/lib/letters/withdraw-letter";

export type WithdrawLetterState = { status: "idle" | "withdrawn" | "on_its_way" | "delivered" | "invalid" };

// Runs only when the button is pressed (a POST): fetching the link withdraws nothing.
export async function withdrawLetterAction(token: string, _prev: { status: string }): Promise<WithdrawLetterState> {
  const result = await withdrawLetter(token);
  return { status: result.status };
}
