// What a signer has typed into the sign form, kept for the browser tab (sessionStorage, one entry per campaign), so
// that switching the page's language, which loads the other language's page, carries the answers over. Cleared once
// the signature is sent; never read by the server.
import type { SignFormValues } from "@/lib/signatures/form-data";

export type SignDraft = Pick<
  SignFormValues,
  "name" | "email" | "country" | "region" | "postalCode" | "comment" | "showName" | "wantsUpdates"
>;

const storageKey = (slug: string) => `open-letters:sign:${slug}`;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    // Storage turned off (a privacy setting): the form still works, it just forgets on a language switch.
    return null;
  }
}

export function readSignDraft(slug: string): SignDraft | null {
  try {
    const raw = storage()?.getItem(storageKey(slug));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<Record<keyof SignDraft, unknown>>;
    const text = (v: unknown) => (typeof v === "string" ? v : "");
    return {
      name: text(d.name),
      email: text(d.email),
      country: text(d.country),
      region: text(d.region),
      postalCode: text(d.postalCode),
      comment: text(d.comment),
      showName: d.showName === true,
      wantsUpdates: d.wantsUpdates === true,
    };
  } catch {
    return null;
  }
}

/** Keeps the form's current answers (only the fields a person types or ticks). */
export function saveSignDraft(slug: string, form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (key: string) => {
    const v = data.get(key);
    return typeof v === "string" ? v : "";
  };
  const draft: SignDraft = {
    name: text("name"),
    email: text("email"),
    country: text("country"),
    region: text("region"),
    postalCode: text("postalCode"),
    comment: text("comment"),
    showName: data.get("showName") === "on",
    wantsUpdates: data.get("wantsUpdates") === "on",
  };
  try {
    storage()?.setItem(storageKey(slug), JSON.stringify(draft));
  } catch {
    // Full or refused: nothing to keep.
  }
}

export function clearSignDraft(slug: string) {
  try {
    storage()?.removeItem(storageKey(slug));
  } catch {
    // Nothing stored.
  }
}
