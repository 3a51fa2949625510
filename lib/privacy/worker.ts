// Retention on a schedule (pg-boss: one run per RETENTION_CRON slot across all workers): unconfirmed items long
// expired go first, then struck-out signatures past their restore window, then closed campaigns past their
// retention period are anonymised. All three erase through lib/privacy/erase-person.ts.
import { boss, queues } from "@/lib/infra/queue/boss";
import { env } from "@/lib/infra/env";
import { logger } from "@/lib/infra/log";
import { anonymiseClosedCampaigns } from "./anonymise-closed-campaigns";
import { eraseStruckOut } from "./erase-struck-out";
import { purgeUnconfirmed } from "./purge-unconfirmed";

export async function startRetentionWorker(options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  const instance = await boss({ supervise: true });
  await instance.work(
    queues.retentionTick,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
    async () => {
      const purged = await purgeUnconfirmed();
      const struckOut = await eraseStruckOut();
      const campaigns = await anonymiseClosedCampaigns();
      // Counts only: which campaign and how many rows, never whose.
      if (purged.signatures || purged.letters)
        logger("retention").info(`deleted ${purged.signatures} unconfirmed signatures, ${purged.letters} letters`);
      if (struckOut) logger("retention").info(`erased ${struckOut} struck-out signatures past their restore window`);
      for (const c of campaigns) {
        logger("retention").info(
          `campaign ${c.campaignId}: ${c.signatures.anonymised + c.letters.anonymised} anonymised, ` +
            `${c.signatures.deleted + c.letters.deleted} unconfirmed deleted, ` +
            `${c.signatures.waiting + c.letters.waiting} awaiting delivery` +
            (c.complete ? ", done" : ""),
        );
      }
    },
  );
  await instance.schedule(queues.retentionTick, env.RETENTION_CRON);
}
