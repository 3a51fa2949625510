// A few SMTP connections to the relay, kept open and shared by every message the process sends. Each message
// arrives already composed (raw bytes and envelope) and goes straight onto a free connection with nodemailer's
// SMTPConnection: nodemailer's own pooled transport would parse and re-compose it on the way, which cost the
// worker more than composing it did.
import SMTPConnection from "nodemailer/lib/smtp-connection";

export type SmtpPoolOptions = {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  pass?: string;
  /** Connections open at once. */
  connections: number;
  /** Messages per connection before it is closed and a new one opened, as relays that count them per session expect. */
  maxMessages: number;
  /** A connection unused this long is closed (QUIT), before the relay's own idle timeout cuts it. */
  idleMs: number;
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
};

export type Envelope = { from: string | false; to: string[] };
export type SmtpAnswer = { response: string };

/** The message never left: it waited for a connection past its `startBy`. Safe to try again, nothing was sent. */
export class SendNotStartedError extends Error {}

type SmtpError = Error & { code?: string; responseCode?: number; command?: string };

/** The session ended (or was found ended) before the relay took the envelope: no byte of the message was sent. */
function endedBeforeData(err: SmtpError): boolean {
  return (
    ["API", "MAIL FROM", "RCPT TO"].includes(err.command ?? "") &&
    (err.responseCode === undefined || err.responseCode === 421)
  );
}

/** One place in the pool: its open connection (if any) and how many messages that connection has carried. */
type Slot = { connection: SMTPConnection | null; sent: number; idle: NodeJS.Timeout | null };

/**
 * Runs one command (AUTH, RSET) to its answer. SMTPConnection only calls a send back when the connection drops; a
 * command waiting for its answer is forgotten, so the connection's end settles it here.
 */
function step(connection: SMTPConnection, run: (done: (err?: Error | null) => void) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const ended = () => reject(new Error("the SMTP connection closed before the relay answered"));
    connection.once("end", ended);
    run((err) => {
      connection.removeListener("end", ended);
      if (err) reject(err);
      else resolve();
    });
  });
}

export function createSmtpPool(options: SmtpPoolOptions): {
  send(envelope: Envelope, raw: Buffer, startBy?: number): Promise<SmtpAnswer>;
  close(): void;
} {
  const free: Slot[] = Array.from({ length: options.connections }, () => ({ connection: null, sent: 0, idle: null }));
  const waiting: ((slot: Slot) => void)[] = [];
  let closed = false;

  const acquire = (): Promise<Slot> => {
    const slot = free.pop();
    if (slot) return Promise.resolve(slot);
    return new Promise((resolve) => waiting.push(resolve));
  };

  const release = (slot: Slot) => {
    // The slot goes straight to the next message in line, if any.
    const next = waiting.shift();
    if (next) return next(slot);
    free.push(slot);
    if (closed) return drop(slot, true);
    if (slot.connection) {
      slot.idle = setTimeout(() => {
        slot.idle = null;
        if (free.includes(slot)) drop(slot, true);
      }, options.idleMs);
      slot.idle.unref();
    }
  };

  /** Forgets the slot's connection; `quit` says goodbye politely (QUIT) instead of closing the socket. */
  const drop = (slot: Slot, quit = false) => {
    const connection = slot.connection;
    slot.connection = null;
    slot.sent = 0;
    if (!connection) return;
    if (quit && !connection.destroyed) connection.quit();
    else connection.close();
  };

  const open = async (slot: Slot): Promise<SMTPConnection> => {
    if (slot.connection && !slot.connection.destroyed && slot.sent < options.maxMessages) return slot.connection;
    drop(slot, true);
    const connection = new SMTPConnection({
      host: options.host,
      port: options.port,
      secure: options.secure,
      connectionTimeout: options.connectionTimeout,
      greetingTimeout: options.greetingTimeout,
      socketTimeout: options.socketTimeout,
    });
    // Errors also reach the send or connect in progress (and end the connection, which settles a command waiting for
    // its answer); this listener only keeps them from being unhandled.
    connection.on("error", () => {});
    await new Promise<void>((resolve, reject) => {
      connection.once("error", reject);
      connection.connect((err?: Error) => {
        connection.removeListener("error", reject);
        if (err) reject(err);
        else resolve();
      });
    }).catch((err) => {
      connection.close();
      throw err;
    });
    // As nodemailer's transport did: credentials are offered only to a relay that asks for them.
    if (options.user && connection.allowsAuth) {
      await step(connection, (done) => connection.login({ user: options.user!, pass: options.pass ?? "" }, done)).catch(
        (err) => {
          connection.close();
          throw err;
        },
      );
    }
    slot.connection = connection;
    slot.sent = 0;
    return connection;
  };

  return {
    async send(envelope, raw, startBy) {
      if (closed) throw new SendNotStartedError("the SMTP pool is closed");
      const slot = await acquire();
      if (slot.idle) clearTimeout(slot.idle);
      slot.idle = null;
      try {
        if (closed) throw new SendNotStartedError("the SMTP pool was closed while the message waited");
        if (startBy !== undefined && Date.now() > startBy)
          throw new SendNotStartedError("waited too long for a relay connection");
        for (let attempt = 1; ; attempt++) {
          const connection = await open(slot);
          const reused = slot.sent > 0;
          slot.sent++;
          try {
            const info = await new Promise<{ response?: string }>((resolve, reject) =>
              // A copy each time: SMTPConnection keeps its verdict on the envelope object (a refused MAIL FROM).
              connection.send({ ...envelope, to: [...envelope.to] }, raw, (err, result) =>
                err ? reject(err) : resolve(result),
              ),
            );
            return { response: String(info.response ?? "") };
          } catch (err) {
            const e = err as SmtpError;
            // The relay refused this message (not the session): the connection stays, after a reset. Anything else
            // (a timeout, a dropped connection, 421 "closing") leaves the connection unusable.
            const refused =
              (e.code === "EENVELOPE" || e.code === "EMESSAGE") && e.responseCode !== 421 && !connection.destroyed;
            if (refused) await step(connection, (done) => connection.reset(done)).catch(() => drop(slot));
            else drop(slot);
            // A connection that carried messages before may have been ended by the relay meanwhile (its idle timeout,
            // its limit of messages per session: 421 to MAIL FROM). Nothing of this message went out, so it goes
            // once more, on a new connection, as nodemailer's own pool does.
            if (attempt === 1 && reused && endedBeforeData(e)) continue;
            throw err;
          }
        }
      } finally {
        release(slot);
      }
    },
    close() {
      closed = true;
      for (const slot of free) {
        if (slot.idle) clearTimeout(slot.idle);
        drop(slot, true);
      }
    },
  };
}
