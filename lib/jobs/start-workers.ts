// Everything a worker process runs: the signers' and writers' own mail, deliveries to targets, retention, the
// sweep of old rate-limit windows, and (BOUNCE_SMTP_PORT) the receiver of bounces and complaints.
import { startMailWorker } from "../mail/worker";
import { startDeliveryWorker } from "../delivery/worker";
import { startRetentionWorker } from "../retention/worker";
import { startAbuseWorker } from "../abuse/worker";
import { startBounceReceiver } from "../mail/inbound-server";

export async function startWorkers(options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  await startMailWorker(options);
  await startDeliveryWorker(options);
  await startRetentionWorker(options);
  await startAbuseWorker(options);
  // Bounces and complaints come back here when BOUNCE_SMTP_PORT is set (lib/mail/inbound-server.ts).
  await startBounceReceiver();
}
