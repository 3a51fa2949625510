// A new session is a sign-in: the team page shows each member's last one. Sessions themselves are deleted on sign-out
// and expiry, so the time is kept on the membership.
import { db } from "@/lib/infra/db";
import { now } from "@/lib/infra/clock";

export async function recordSignIn(session: { userId: string }): Promise<void> {
  await db.updateTable("member").set({ last_sign_in_at: now() }).where("user_id", "=", session.userId).execute();
}
