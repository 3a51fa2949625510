// The address a campaign's deliveries come from, and where replies to a letter go unless its writer chose to receive
// them: the campaign's own sender address, or the app's MAIL_FROM when the campaign has none.
import { env } from "@/lib/infra/env";

export function campaignSender(senderEmail: string | null | undefined): string {
  return senderEmail?.trim() || env.MAIL_FROM;
}
