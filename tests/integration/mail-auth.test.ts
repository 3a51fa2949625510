// Mail that arrives, against real SMTP servers: the sink plays the relay, and the worker's bounce receiver takes
// reports as a remote mail system would send them. Signatures verify with mailauth; a bounce or complaint at a
// message's bounce address suppresses a signer's address (the next message to it is not sent) or fails a target's
// delivery, once; forged and stray mail is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import SMTPConnection from "nodemailer/lib/smtp-connection";
import { dkimVerify } from "mailauth/lib/dkim/verify";
import { smtpSinkForFile } from "./smtp-sink";
import * as reports from "../unit/support/bounce-reports";

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const bounceDomain = "bounces.letters.example.test";
const sink = smtpSinkForFile({
  DKIM_DOMAIN: "letters.example.test",
  DKIM_SELECTOR: "mail2026",
  // On one line with "\n" for the line breaks, as an environment file carries it.
  DKIM_PRIVATE_KEY: (privateKey.export({ type: "pkcs8", format: "pem" }) as string).replaceAll("\n", "\\n"),
  BOUNCE_DOMAIN: bounceDomain,
});
/** DNS as a receiving server sees it: the selector's TXT record holds the configured key's public half. */
const resolver = async (name: string, type: string) => {
  const txt = `v=DKIM1; k=rsa; p=${publicKey.export({ type: "spki", format: "der" }).toString("base64")}`;
  if (type === "TXT" && name === "mail2026._domainkey.letters.example.test") return [[txt]];
  throw Object.assign(new Error(`no ${type} record for ${name}`), { code: "ENOTFOUND" });
};

let m: {
  db: typeof import("@/lib/infra/db");
  deliver: typeof import("@/lib/worker/deliver-outbox-message");
  sign: typeof import("@/lib/signatures/sign-petition");
  schema: typeof import("@/lib/signatures/schema");
  schedule: typeof import("@/lib/delivery/schedule-deliveries");
  list: typeof import("@/lib/delivery/list-deliveries");
  address: typeof import("@/lib/infra/mail/bounce-address");
  helpers: typeof import("./helpers");
};
let receiver: import("@/lib/infra/outbox/inbound-server").BounceReceiver;

beforeAll(async () => {
  m = {
    db: await import("@/lib/infra/db"),
    deliver: await import("@/lib/worker/deliver-outbox-message"),
    sign: await import("@/lib/signatures/sign-petition"),
    schema: await import("@/lib/signatures/schema"),
    schedule: await import("@/lib/delivery/schedule-deliveries"),
    list: await import("@/lib/delivery/list-deliveries"),
    address: await import("@/lib/infra/mail/bounce-address"),
    helpers: await import("./helpers"),
  };
  const { startBounceReceiver } = await import("@/lib/infra/outbox/inbound-server");
  receiver = (await startBounceReceiver({ port: 0, host: "127.0.0.1" }))!;
});

afterAll(async () => {
  await receiver?.close();
});

const firstTry = { retryCount: 0, retryLimit: 2 };

/** A signature in a new campaign, its confirmation email sent through the relay. */
async function signedAndSent(overrides: Record<string, unknown> = {}) {
  const campaign = await m.helpers.createCampaign();
  await m.sign.signPetition(campaign.slug, m.schema.signatureInput.parse(m.helpers.signer(overrides)));
  const [message] = await m.helpers.outboxFor(campaign.id);
  const outcome = await m.deliver.deliverOutboxMessage(message!.id, firstTry);
  return { message: message!, to: message!.to, outcome, bounceAddress: m.address.bounceAddressFor(message!.id)! };
}

/** Sends a report to the receiver as a remote mail system does: a null sender, one recipient. */
async function report(to: string, raw: Buffer): Promise<void> {
  const client = nodemailer.createTransport({ host: "127.0.0.1", port: receiver.port, secure: false, ignoreTLS: true });
  try {
    await client.sendMail({ envelope: { from: "", to: [to] }, raw });
  } finally {
    client.close();
  }
}

async function row(id: string) {
  const { rows } = await m.db.pool.query(`SELECT status, last_error FROM outbox_message WHERE id = $1`, [id]);
  return rows[0];
}

async function history(id: string) {
  const { rows } = await m.db.pool.query<{ status: string; detail: string | null }>(
    `SELECT status, detail FROM outbox_event WHERE message_id = $1 ORDER BY id`,
    [id],
  );
  return rows;
}

async function suppression(email: string) {
  const { emailKey } = await import("@/lib/infra/validation/normalize-email");
  const { rows } = await m.db.pool.query(
    `SELECT reason, source_message_id FROM suppressed_address WHERE email_key = $1`,
    [emailKey(email)],
  );
  return rows[0] ?? null;
}

describe("DKIM and the bounce address", () => {
  it("signs what the relay receives, verifiably with the configured key, from its bounce address", async () => {
    const { message, outcome } = await signedAndSent();
    expect(outcome).toBe("sent");
    const [mail] = sink.received;
    const { results } = await dkimVerify(mail!.raw, { resolver });
    const signature = { signingDomain: "letters.example.test", selector: "mail2026", status: { result: "pass" } };
    expect(results).toMatchObject([signature]);
    expect(mail!.mailFrom).toMatch(/^bounce\+[0-9a-f]{32}\.[0-9a-f]{16}@bounces\.letters\.example\.test$/);
    expect(m.address.readBounceAddress(mail!.mailFrom)).toEqual({ outboxId: message.id });
  });
});

describe("bounces and complaints about signer mail", () => {
  it("suppresses the address on a hard bounce, once, and the next message to it is not sent", async () => {
    const { message, to, bounceAddress } = await signedAndSent();
    const dsn = reports.postfixHardBounce({ to: bounceAddress, recipient: to, returnPath: bounceAddress });
    await report(bounceAddress, dsn);

    expect(await suppression(to)).toEqual({ reason: "hard_bounce", source_message_id: message.id });
    const lastError = expect.stringMatching(/^bounced \(5\.1\.1\): 550 5\.1\.1 <.*User unknown/);
    expect(await row(message.id)).toMatchObject({ status: "failed", last_error: lastError });
    const recorded = await history(message.id);
    const detail = expect.stringMatching(/User unknown in virtual mailbox table; no more mail goes to this address$/);
    expect(recorded.at(-1)).toEqual({ status: "failed", detail });

    // The sending server tries again (our answer got lost): nothing more happens.
    await report(bounceAddress, dsn);
    expect(await history(message.id)).toEqual(recorded);
    const { rows } = await m.db.pool.query(`SELECT count(*)::int AS n FROM mail_report WHERE message_id = $1`, [
      message.id,
    ]);
    expect(rows[0].n).toBe(1);

    // Signing another campaign with the same inbox, spelled in capitals: its confirmation is cancelled, not sent.
    sink.reset();
    const next = await signedAndSent({ email: to.toUpperCase() });
    expect(next.outcome).toBe("cancelled");
    expect(sink.received).toHaveLength(0);
    const cancelled = { status: "cancelled", last_error: "not sent: mail to this address bounced for good" };
    expect(await row(next.message.id)).toEqual(cancelled);
  });

  it("suppresses the address on a complaint, leaving the message as sent", async () => {
    const { message, to, bounceAddress } = await signedAndSent();
    const complaint = reports.yahooComplaint({ to: bounceAddress, recipient: to, returnPath: bounceAddress });
    await report(bounceAddress, complaint);

    expect(await suppression(to)).toEqual({ reason: "complaint", source_message_id: message.id });
    expect(await row(message.id)).toMatchObject({ status: "sent" });
    expect((await history(message.id)).at(-1)).toEqual({
      status: "sent",
      detail: "complaint (abuse) reported by Yahoo!-Mail-Feedback/2.0; no more mail goes to this address",
    });
    const next = await signedAndSent({ email: to });
    expect(next.outcome).toBe("cancelled");
    const cancelled = { status: "cancelled", last_error: "not sent: its owner reported our mail as spam" };
    expect(await row(next.message.id)).toEqual(cancelled);
  });

  it("takes a complaint forwarded to the plain bounce@ address, by the bounce address quoted inside", async () => {
    const { message, to, bounceAddress } = await signedAndSent();
    // AOL leaves the recipient out of its reports: the returned message's Return-Path names ours.
    const shared = `bounce@${bounceDomain}`;
    await report(shared, reports.aolComplaint({ to: shared, recipient: "redacted", returnPath: bounceAddress }));
    expect(await suppression(to)).toEqual({ reason: "complaint", source_message_id: message.id });
  });

  it("only notes a soft bounce; a refusal on policy fails the message without suppressing the address", async () => {
    const soft = await signedAndSent();
    await report(soft.bounceAddress, reports.expiredSoftBounce({ to: soft.bounceAddress, recipient: soft.to }));
    expect(await row(soft.message.id)).toMatchObject({ status: "sent" });
    expect((await history(soft.message.id)).at(-1)).toEqual({
      status: "sent",
      detail: expect.stringMatching(/^temporary failure reported \(4\.2\.2\): 452 4\.2\.2 <.*>: Mailbox full$/),
    });
    expect(await suppression(soft.to)).toBeNull();

    const policy = await signedAndSent();
    await report(policy.bounceAddress, reports.policyBounce({ to: policy.bounceAddress, recipient: policy.to }));
    const failed = { status: "failed", last_error: expect.stringMatching(/^bounced \(5\.7\.26\)/) };
    expect(await row(policy.message.id)).toMatchObject(failed);
    expect(await suppression(policy.to)).toBeNull();
  });
});

describe("bounces of deliveries to a campaign's target", () => {
  it("fails the delivery on a hard bounce, shows it on the delivery panel, never suppresses the target", async () => {
    const campaign = await m.db.prisma.campaign.update({
      where: { id: (await m.helpers.createCampaign()).id },
      data: { senderEmail: "Test Coalition <letters@letters.example.test>", throttlePerMinute: 100 },
    });
    const letterId = randomUUID();
    await m.db.pool.query(
      `INSERT INTO letter (id, campaign_id, email, email_key, name, country, subject, body, language, locale, status,
                           confirmed_at)
       VALUES ($1, $2, $3, $3, 'Kim Writer', 'US', 'Please act', 'Dear Mr. President,', 'en', 'en', 'confirmed',
               now())`,
      [letterId, campaign.id, `writer-${letterId.slice(0, 8)}@example.test`],
    );
    await m.schedule.scheduleDeliveries();
    const [delivery] = await m.list.listDeliveries(campaign.id);
    expect(await m.deliver.deliverOutboxMessage(delivery!.id, firstTry)).toBe("sent");

    // The letter goes out signed, from its own bounce address: never from the writer, who is at most its Reply-To
    // (here not even that: they did not ask for replies).
    const mail = sink.received.find((r) => r.messageId === delivery!.messageId)!;
    expect((await dkimVerify(mail.raw, { resolver })).results[0]!.status.result).toBe("pass");
    const bounceAddress = m.address.bounceAddressFor(delivery!.id)!;
    expect(mail.mailFrom).toBe(bounceAddress);
    expect(mail.replyTo).toContain("letters@letters.example.test");

    // Delayed first: a note in the history, nothing else.
    await report(bounceAddress, reports.postfixDelayed({ to: bounceAddress, recipient: "target@example.test" }));
    expect(await row(delivery!.id)).toMatchObject({ status: "sent" });

    await report(bounceAddress, reports.outlookHardBounce({ to: bounceAddress, recipient: "target@example.test" }));
    const [shown] = await m.list.listDeliveries(campaign.id);
    const lastError = expect.stringMatching(/^bounced \(5\.1\.10\): 550 5\.1\.10 RESOLVER\.ADR\.RecipientNotFound/);
    expect(shown).toMatchObject({ status: "failed", lastError });
    expect(shown!.history.map((h) => [h.status, h.detail?.split(":")[0]])).toEqual([
      ["sending", undefined],
      ["sent", expect.any(String)],
      ["sent", "temporary failure reported (4.4.1)"],
      ["failed", "bounced (5.1.10)"],
    ]);
    // As after a refusal at sending time: the letter is not delivered.
    expect((await m.db.prisma.letter.findUnique({ where: { id: letterId } }))!.status).toBe("queued");
    expect(await suppression("target@example.test")).toBeNull();
  });
});

describe("the bounce receiver refuses", () => {
  it("a forged bounce address (a tag the app did not make) at RCPT, recording nothing", async () => {
    const { message, to, bounceAddress } = await signedAndSent();
    const forged = bounceAddress.replace(/\.[0-9a-f]{16}@/, ".0123456789abcdef@");
    const refused = report(forged, reports.postfixHardBounce({ to: forged, recipient: to }));
    await expect(refused).rejects.toMatchObject({ responseCode: 550, command: "RCPT TO" });
    expect(await row(message.id)).toMatchObject({ status: "sent" });
    expect(await suppression(to)).toBeNull();
  });

  it("relaying, and any other address of the bounce domain", async () => {
    const hello = Buffer.from("Subject: hello\r\n\r\nhello\r\n");
    await expect(report("target@example.test", hello)).rejects.toMatchObject({ responseCode: 550, command: "RCPT TO" });
    await expect(report(`kim@${bounceDomain}`, hello)).rejects.toMatchObject({ responseCode: 550, command: "RCPT TO" });
  });

  it("a report to the plain bounce@ address that names none of our messages, and offers no AUTH", async () => {
    const stray = reports.postfixHardBounce({ to: `bounce@${bounceDomain}`, recipient: "kim@example.net" });
    await expect(report(`bounce@${bounceDomain}`, stray)).rejects.toMatchObject({ responseCode: 550, command: "DATA" });
    const connection = new SMTPConnection({ host: "127.0.0.1", port: receiver.port, ignoreTLS: true });
    await new Promise<void>((resolve, reject) => connection.connect((err?: Error) => (err ? reject(err) : resolve())));
    expect(connection.allowsAuth).toBe(false);
    connection.quit();
  });

  it("nothing that is not a report: an out-of-office reply is taken and dropped", async () => {
    const { message, to, bounceAddress } = await signedAndSent();
    await report(bounceAddress, reports.vacationReply({ to: bounceAddress, recipient: to }));
    expect(await row(message.id)).toMatchObject({ status: "sent" });
    expect(await suppression(to)).toBeNull();
  });
});
