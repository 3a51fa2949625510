"use server";

import { logError } from "@/lib/infra/log";
import { headers } from "next/headers";
import type { Challenge } from "@/lib/integrity/schema";
import { AppError } from "@/lib/infra/errors";
import { clientIp } from "@/lib/infra/request-ip";
import { fieldErrorCodes } from "@/lib/infra/validation/field-error-codes";
import { signatureInput } from "@/lib/signatures/schema";
import { signatureFromForm, type SignFormState } from "@/lib/signatures/form-data";
import { signPetition } from "@/lib/signatures/sign-petition";

// The sign form's server action: the same schema and domain function as POST /api/campaigns/[slug]/signatures,
// so the form works before (or without) any client JavaScript.
export async function signAction(slug: string, _prev: SignFormState, form: FormData): Promise<SignFormState> {
  const values = signatureFromForm(form);
  const parsed = signatureInput.safeParse(values);
  if (!parsed.success) return { status: "invalid", fields: fieldErrorCodes(parsed.error), values };
  try {
    const { emailed } = await signPetition(slug, parsed.data, { ip: clientIp(await headers()) });
    return { status: "ok", email: parsed.data.email, emailed };
  } catch (err) {
    if (
      err instanceof AppError &&
      (err.code === "campaign_closed" || err.code === "campaign_not_found" || err.code === "rate_limited")
    ) {
      return { status: "error", code: err.code, values };
    }
    if (err instanceof AppError && err.code === "challenge_required" && err.extra?.challenge && err.extra.waitTicket) {
      return {
        status: "challenge",
        challenge: err.extra.challenge as Challenge,
        waitTicket: err.extra.waitTicket,
        values,
      };
    }
    logError("sign-action", "unexpected error", err);
    return { status: "error", code: "unexpected", values };
  }
}
