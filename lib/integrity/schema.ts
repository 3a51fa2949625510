// The fields every public form carries for abuse checks, shared by the forms, the server action and the JSON API.
// Imports only zod.
import { z } from "@/lib/infra/validation/zod";

export const challengeSolution = z.object({
  token: z.string().max(1000),
  nonce: z.string().regex(/^[0-9]{1,16}$/),
});

export const abuseFields = {
  /** The signed render time of the form (lib/infra/security/form-token.ts). */
  formToken: z.string().max(200).optional(),
  /** The honeypot: a field people never see or fill, and simple bots fill because its name looks ordinary. */
  website: z.string().max(2000).optional(),
  /** A solved proof-of-work challenge, when the server asked for one. */
  challenge: challengeSolution.optional(),
} as const;

export type ChallengeSolution = z.output<typeof challengeSolution>;
/** What the server sends with `challenge_required`: find a nonce so that SHA-256(`${token}:${nonce}`) starts with `difficulty` zero bits. */
export type Challenge = { token: string; difficulty: number; algorithm: "sha256-leading-zero-bits" };
/** What the server sends a form without JavaScript with `challenge_required`: this token, sent after the wait, passes. */
export type WaitTicket = { token: string; waitSeconds: number };
export type AbuseFields = { formToken?: string; website?: string; challenge?: ChallengeSolution };

/** POST /api/organizer/letters/[id]/reject, optional body: also strike out the writer's own co-signature. */
export const rejectLetterRequest = z.object({ strikeCosignature: z.boolean({ error: "invalid" }).optional() }).strict();
