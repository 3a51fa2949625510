// When a confirmed letter waits for an organizer instead of going to the delivery queue. Applied in the confirm
// statement itself (lib/letters/confirm-letter), so a letter is never briefly deliverable before it is held.
import { env } from "@/lib/infra/env";

export const holdRules = {
  /** More links than this in the body holds the letter ("links"). */
  maxLinks: env.MODERATION_MAX_LINKS,
  /** At least this many other letters of the campaign with the same fingerprint holds it ("near_copy"); 0 = off. */
  nearCopies: env.MODERATION_NEAR_COPIES,
};
