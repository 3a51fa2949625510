// A real SMTP server (smtp-server) for tests: records what it receives, answers with planned reply codes per
// recipient, can be slowed down, stopped and started again on the same port.
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";

export type ReceivedMail = {
  messageId: string;
  from: string;
  replyTo: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
  /** The message as it arrived, and its envelope sender (MAIL FROM). */
  raw: Buffer;
  mailFrom: string;
};

const addressText = (value: ParsedMail["to"] | ParsedMail["from"] | ParsedMail["replyTo"]) =>
  Array.isArray(value) ? value.map((v) => v.text).join(", ") : (value?.text ?? "");

export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private replies = new Map<string, number[]>();
  private server: SMTPServer | null = null;
  port = 0;
  /** Milliseconds to wait before answering each message. */
  delayMs = 0;
  /** Messages whose data is being received and not yet answered. */
  inFlight = 0;
  /** While true, each message is held unanswered after its data arrived, until `release()`; `held` counts them. */
  holding = false;
  held = 0;
  /** The recipients of the messages held now (other traffic in a shared test database may be held too). */
  heldRecipients: string[] = [];
  private releases: (() => void)[] = [];
  /** SMTP sessions opened so far. */
  sessions = 0;
  /** Refusals quote the recipient, as many real relays do ("550 5.1.1 <kim@…>: Mailbox unavailable"). */
  quoteRecipient = false;

  /** Reply codes for the next messages to `to`, used up in order; 250 once none is left. */
  plan(to: string, ...codes: number[]) {
    this.replies.set(to.toLowerCase(), codes);
  }

  /** Answers the messages held so far, and holds no more. */
  release() {
    this.holding = false;
    this.releases.splice(0).forEach((r) => r());
  }

  reset() {
    this.received.length = 0;
    this.replies.clear();
    this.delayMs = 0;
  }

  async start(port = this.port): Promise<number> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onConnect: (_session, callback) => {
        this.sessions++;
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        this.inFlight++;
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", async () => {
          if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
          const rcpt = session.envelope.rcptTo[0]?.address.toLowerCase() ?? "";
          if (this.holding) {
            this.held++;
            this.heldRecipients.push(rcpt);
            await new Promise<void>((r) => this.releases.push(r));
            this.heldRecipients.splice(this.heldRecipients.indexOf(rcpt), 1);
            this.held--;
          }
          this.inFlight--;
          const code = this.replies.get(rcpt)?.shift() ?? 250;
          if (code !== 250) {
            const who = this.quoteRecipient ? ` <${rcpt}>:` : "";
            const text = code >= 500 ? `5.1.1${who} Mailbox unavailable` : `4.7.1${who} Try again later`;
            return callback(Object.assign(new Error(text), { responseCode: code }));
          }
          const raw = Buffer.concat(chunks);
          const mail = await simpleParser(raw);
          this.received.push({
            messageId: mail.messageId ?? "",
            from: addressText(mail.from),
            replyTo: addressText(mail.replyTo),
            to: addressText(mail.to),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            attachments: mail.attachments.map((a) => ({
              filename: a.filename ?? "",
              contentType: a.contentType,
              content: a.content,
            })),
            raw,
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          });
          callback(null);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(port, "127.0.0.1", () => resolve());
    });
    // A client that vanishes mid-message (a worker killed on purpose) is part of the tests, not a failure of the sink.
    this.server.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code !== "ECONNRESET" && err.code !== "EPIPE") console.error("[smtp-sink]", err);
    });
    this.port = (this.server.server.address() as AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/**
 * A sink for one test file, with the app pointed at it: call at the top of the file, before the file's own beforeAll
 * imports the app's modules (lib/infra/env is read on first import). It starts the sink and sets the relay and sender
 * (plus `env`) before every other hook, empties the sink before each test, and at the end stops the queue, the mail
 * transport, the database pool and the sink.
 */
export function smtpSinkForFile(env: Record<string, string> = {}): SmtpSink {
  const sink = new SmtpSink();
  beforeAll(async () => {
    const port = await sink.start();
    Object.assign(process.env, {
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(port),
      SMTP_SECURE: "false",
      MAIL_FROM: "Open Letters <no-reply@letters.example.test>",
      ...env,
    });
  });
  beforeEach(() => sink.reset());
  afterAll(async () => {
    const [{ stopBoss }, { closeMailTransport }, { closeDb }] = await Promise.all([
      import("@/lib/infra/queue/boss"),
      import("@/lib/infra/mail/transport"),
      import("@/lib/infra/db"),
    ]);
    await stopBoss();
    closeMailTransport();
    await closeDb();
    await sink.stop();
  }, 60_000);
  return sink;
}
