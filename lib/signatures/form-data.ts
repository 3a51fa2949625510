// Turns the sign form's fields into the shape the shared schema (and the JSON API) takes.
import type { AbuseFields, Challenge, WaitTicket } from "@/lib/integrity/schema";

/** What the form holds, before validation. */
export type SignFormValues = {
  name: string;
  email: string;
  country: string;
  region?: string;
  postalCode?: string;
  comment?: string;
  showName: boolean;
  appearance?: string;
  wantsUpdates: boolean;
  locale?: string;
  source?: string;
} & AbuseFields;

export function signatureFromForm(form: FormData): SignFormValues {
  const text = (key: string) => {
    const v = form.get(key);
    return typeof v === "string" ? v : undefined;
  };
  return {
    name: text("name") ?? "",
    email: text("email") ?? "",
    country: text("country") ?? "",
    region: text("region"),
    postalCode: text("postalCode"),
    comment: text("comment"),
    showName: form.get("showName") === "on",
    appearance: text("appearance"),
    wantsUpdates: form.get("wantsUpdates") === "on",
    locale: text("locale"),
    source: text("source"),
    formToken: text("formToken"),
    website: text("website"),
    challenge:
      text("challengeToken") && text("challengeNonce")
        ? { token: text("challengeToken")!, nonce: text("challengeNonce")! }
        : undefined,
  };
}

export type SignFormState =
  | { status: "idle" }
  | { status: "invalid"; fields: Record<string, string>; values: SignFormValues }
  | {
      status: "error";
      code: "campaign_closed" | "campaign_not_found" | "rate_limited" | "unexpected";
      values: SignFormValues;
    }
  /**
   * The server wants a solved proof-of-work first: the form solves it and sends again. Without JavaScript the form
   * carries the waiting ticket instead, and the person sends it again after the wait.
   */
  | { status: "challenge"; challenge: Challenge; waitTicket: WaitTicket; values: SignFormValues }
  /** Accepted: a link was emailed now, or (within the resend window) a few minutes ago, and that one stays valid. */
  | { status: "ok"; email: string; emailed: "now" | "recently" };
