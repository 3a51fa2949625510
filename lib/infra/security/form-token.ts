// A signed token the page renders into a form, carrying when it was rendered: a submission that comes back sooner
// than a person could fill the form in, or without a token we signed, is stored as suspected.
import "server-only";
import { keyedHash, safeEqual } from "@/lib/infra/crypto";
import { nowMs } from "@/lib/infra/clock";

export type FormKind = "sign" | "letter";

export function issueFormToken(kind: FormKind, now = nowMs()): string {
  const issued = Math.floor(now).toString(36);
  return `${issued}.${keyedHash("form-token", `${kind}.${issued}`)}`;
}

/** When a token we signed for this form was issued (ms since the epoch), or null if it is missing or forged. */
export function formTokenIssuedAt(token: string | undefined, kind: FormKind): number | null {
  const [issued, mac, ...rest] = (token ?? "").split(".");
  if (!issued || !mac || rest.length > 0 || !/^[0-9a-z]{1,12}$/.test(issued)) return null;
  if (!safeEqual(mac, keyedHash("form-token", `${kind}.${issued}`))) return null;
  return parseInt(issued, 36);
}
