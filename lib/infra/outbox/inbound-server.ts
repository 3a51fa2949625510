// The bounce receiver: a small SMTP server in the worker (BOUNCE_SMTP_PORT) where bounces and complaints about our
// messages arrive, sent to their bounce addresses (bounce-address.ts), and requests to unsubscribe, sent to the
// mailto: address of a List-Unsubscribe header (unsubscribe-address.ts). It takes mail for nothing else: no relaying,
// no AUTH, reports of at most 2 MB. Behind port 25 put it where the bounce domain's MX points (see the README).
import { createHash } from "node:crypto";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import type { AddressInfo } from "node:net";
import { env } from "@/lib/infra/env";
import { logError } from "@/lib/infra/log";
import { bounceDomain, findBounceAddresses, readBounceAddress } from "@/lib/infra/mail/bounce-address";
import { parseBounceReport } from "@/lib/infra/mail/parse-bounce-report";
import { readUnsubscribeAddress } from "@/lib/infra/mail/unsubscribe-address";
import { recordBounceReport } from "./record-bounce-report";
import { suppressRecipient } from "./suppress-recipient";

/** Bounces quote the original message; a digest with its CSV can be large, and Postfix returns at most 50 kB of it. */
const maxBytes = 2 * 1024 * 1024;
const maxRecipients = 10;

export type BounceReceiver = { port: number; close(): Promise<void> };
/** Where to listen, when not BOUNCE_SMTP_PORT and BOUNCE_SMTP_HOST (tests take a free port: 0). */
type ReceiverOptions = { port?: number; host?: string };

const smtpError = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode });

/**
 * Starts the receiver when BOUNCE_SMTP_PORT is set (and a bounce domain is known); null otherwise, or when another
 * worker on this machine already listens there.
 */
export async function startBounceReceiver(options: ReceiverOptions = {}): Promise<BounceReceiver | null> {
  const port = options.port ?? env.BOUNCE_SMTP_PORT;
  if (port === undefined || !bounceDomain) return null;
  const server = new SMTPServer({
    banner: "Open Letters bounce receiver",
    size: maxBytes,
    authOptional: true,
    // No STARTTLS: without a certificate for the bounce domain it would only pretend (reports arrive in the clear, as
    // much mail between servers does).
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    maxClients: 20,
    socketTimeout: 60_000,
    closeTimeout: 5_000,
    onRcptTo(address, session, callback) {
      if (session.envelope.rcptTo.length >= maxRecipients) return callback(smtpError(452, "4.5.3 Too many recipients"));
      if (!readBounceAddress(address.address) && !readUnsubscribeAddress(address.address))
        return callback(smtpError(550, "5.1.1 No such bounce address here"));
      callback();
    },
    onData(stream, session, callback) {
      readLimited(stream).then(
        (raw) => (raw ? receive(raw, session).then(callback) : callback(smtpError(552, "5.3.4 Report too large"))),
        (err) => callback(err),
      );
    },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, options.host ?? env.BOUNCE_SMTP_HOST, () => {
        server.removeListener("error", reject);
        resolve();
      });
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE") throw err;
    logError("bounces", `port ${port} is taken, presumably by another worker on this machine: this one receives none`);
    return null;
  }
  // A sender that drops the connection is its own business; anything else is worth a line in the log.
  server.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "ECONNRESET" && err.code !== "EPIPE") logError("bounces", "receiver error", err);
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The message's bytes, or null past the size limit (the rest is read and dropped). */
function readLimited(stream: SMTPServerDataStream): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    stream.on("data", (chunk: Buffer) => {
      length += chunk.length;
      if (length <= maxBytes) chunks.push(chunk);
    });
    stream.on("error", reject);
    stream.on("end", () => resolve(stream.sizeExceeded || length > maxBytes ? null : Buffer.concat(chunks)));
  });
}

/**
 * Records the report against each message its recipients name; sent to the plain bounce@ address, against the
 * messages whose bounce addresses it quotes (a complaint forwarded from a feedback loop). Mail that is no report (an
 * out-of-office reply) is accepted and dropped. A failure to record asks the sender to try again later.
 */
async function receive(raw: Buffer, session: SMTPServerSession): Promise<Error | null> {
  // A message to an unsubscribe address is the request itself, whatever it says.
  const unsubscribing = session.envelope.rcptTo.flatMap((r) => readUnsubscribeAddress(r.address) ?? []);
  if (unsubscribing.length > 0) {
    try {
      for (const id of unsubscribing) await suppressRecipient(id);
      return null;
    } catch (err) {
      logError("bounces", "could not record an unsubscribe request", err);
      return smtpError(451, "4.3.0 Could not record the request, try again later");
    }
  }
  const named = session.envelope.rcptTo.map((r) => readBounceAddress(r.address));
  const ids = new Set(named.flatMap((n) => (n && n !== "shared" ? [n.outboxId] : [])));
  if (ids.size === 0) for (const id of findBounceAddresses(raw.toString("latin1"))) ids.add(id);
  if (ids.size === 0) return smtpError(550, "5.7.1 This address takes reports about our own messages only");
  const report = await parseBounceReport(raw).catch((err) => {
    logError("bounces", "could not read a report", err);
    return undefined;
  });
  // Sending it again would not make it readable.
  if (report === undefined) return smtpError(550, "5.6.0 Could not read the report");
  if (!report) return null;
  try {
    const digest = createHash("sha256").update(raw).digest();
    for (const id of ids) await recordBounceReport(id, report, digest);
    return null;
  } catch (err) {
    logError("bounces", "could not record a report", err);
    return smtpError(451, "4.3.0 Could not record the report, try again later");
  }
}
