"use server";

import { confirmLetter } from "@/lib/letters/confirm-letter";

export type ConfirmLetterState = {
  status: "idle" | "confirmed" | "confirmed_signed" | "already_confirmed" | "invalid";
};

// Runs only when the button is pressed (a POST): fetching the link, as mail scanners do, confirms nothing.
export async function confirmLetterAction(token: string, _prev: { status: string }): Promise<ConfirmLetterState> {
  const result = await confirmLetter(token);
  if (result.status === "confirmed" && result.signed) return { status: "confirmed_signed" };
  return { status: result.status };
}
