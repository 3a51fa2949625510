"use server";

import { confirmSignature } from "@/lib/signatures/confirm-signature";

export type ConfirmState = { status: "idle" | "confirmed" | "already_confirmed" | "invalid" };

// Runs only when the button is pressed (a POST): fetching the link, as mail scanners do, confirms nothing.
export async function confirmAction(token: string, _prev: { status: string }): Promise<ConfirmState> {
  const result = await confirmSignature(token);
  return { status: result.status };
}
