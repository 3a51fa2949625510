// @vitest-environment node
// Reading what comes back to a bounce address, and the bounce address itself (VERP with an HMAC tag).
import { describe, expect, it } from "vitest";
import { parseBounceReport } from "@/lib/infra/mail/parse-bounce-report";
import {
  bounceAddressFor,
  findBounceAddresses,
  readBounceAddress,
  withBounceAddress,
} from "@/lib/infra/mail/bounce-address";
import * as samples from "./support/bounce-reports";

const domain = "bounces.coalition.example";
const outboxId = "6f1c2a94-0c0e-4f7e-9a55-3b8f0f2d1e11";
const verp = bounceAddressFor(outboxId, domain)!;
const sample = { to: verp, recipient: "kim@example.net", returnPath: verp };
/** The report as if sent to the plain bounce@ address: only the returned message names ours. */
const toSharedAddress = (raw: Buffer) => raw.toString().replace(`To: ${verp}`, `To: bounce@${domain}`);

describe("the bounce address of a message", () => {
  it("names the message with a tag only the app can make, in lowercase within 64 characters", () => {
    expect(verp).toMatch(/^bounce\+6f1c2a940c0e4f7e9a553b8f0f2d1e11\.[0-9a-f]{16}@bounces\.coalition\.example$/);
    expect(verp.split("@")[0]!.length).toBeLessThanOrEqual(64);
    expect(readBounceAddress(verp, domain)).toEqual({ outboxId });
    // Servers that fold the case of the local part, or write the domain in capitals, still reach the message.
    expect(readBounceAddress(verp.toUpperCase(), domain)).toEqual({ outboxId });
  });

  it.each([
    ["a forged tag", verp.replace(/\.[0-9a-f]{16}@/, ".0123456789abcdef@")],
    ["another message's id under this tag", verp.replace("6f1c2a94", "6f1c2a95")],
    ["another domain", verp.replace(domain, "elsewhere.example")],
    ["a shortened tag", verp.replace(/([0-9a-f]{15})[0-9a-f]@/, "$1@")],
    ["an ordinary address", `kim@${domain}`],
    ["no address at all", "bounce+"],
  ])("refuses %s", (_case, address) => {
    expect(readBounceAddress(address, domain)).toBeNull();
  });

  it("knows the plain bounce@ address, for reports that name our message inside", () => {
    expect(readBounceAddress(`bounce@${domain}`, domain)).toBe("shared");
    const quoted = `Return-Path: <${verp}>\r\nTo: <${verp.replace(/[0-9a-f]@/, "x@")}>`;
    expect(findBounceAddresses(quoted, domain)).toEqual([outboxId]);
  });

  it("becomes the envelope sender only when bounces are handled", () => {
    expect(bounceAddressFor(outboxId, null)).toBeNull();
    // The unit tests run without BOUNCE_SMTP_PORT or BOUNCE_DOMAIN: the envelope stays as composed.
    const envelope = { from: "no-reply@coalition.example", to: ["kim@example.net"] };
    expect(withBounceAddress(envelope, outboxId)).toBe(envelope);
  });
});

describe("reading a report", () => {
  it.each([
    ["Postfix", samples.postfixHardBounce, "5.1.1", /^550 5\.1\.1 <kim@example\.net>: Recipient .*: User unknown/],
    ["Gmail", samples.gmailHardBounce, "5.1.1", /^550-5\.1\.1 The email account that you tried to reach .*gsmtp$/],
    ["Exchange Online", samples.outlookHardBounce, "5.1.10", /^550 5\.1\.10 RESOLVER\.ADR\.RecipientNotFound/],
    ["a policy refusal", samples.policyBounce, "5.7.26", /^550 5\.7\.26 Unauthenticated$/],
  ])("reads a hard bounce from %s: status, diagnostic, recipient, returned message", async (_, make, code, detail) => {
    const raw = make(sample);
    const report = await parseBounceReport(raw);
    expect(report).toMatchObject({ type: "hard_bounce", code, recipient: "kim@example.net" });
    expect(report!.detail).toMatch(detail);
    // The returned message's Return-Path names it too (what a report sent to the plain bounce@ address relies on).
    expect(findBounceAddresses(toSharedAddress(raw), domain)).toEqual([outboxId]);
  });

  it("reads a delay notice as a soft bounce", async () => {
    expect(await parseBounceReport(samples.postfixDelayed(sample))).toMatchObject({
      type: "soft_bounce",
      code: "4.4.1",
      detail: expect.stringContaining("Connection timed out"),
      recipient: "kim@example.net",
    });
  });

  it("reads a failure with a temporary status (a relay that gave up on a full mailbox) as soft", async () => {
    const report = await parseBounceReport(samples.expiredSoftBounce(sample));
    expect(report).toMatchObject({ type: "soft_bounce", code: "4.2.2" });
  });

  it("takes the worst outcome when a report covers several recipients", async () => {
    const retry = "Will-Retry-Until: Tue, 8 Dec 2026 09:00:01 +0000 (UTC)\r\n";
    const second = "\r\nFinal-Recipient: rfc822; lee@example.net\r\nAction: failed\r\nStatus: 5.2.1\r\n";
    const raw = Buffer.from(
      samples
        .postfixDelayed(sample)
        .toString()
        .replace(retry, retry + second),
    );
    const report = await parseBounceReport(raw);
    expect(report).toMatchObject({ type: "hard_bounce", code: "5.2.1", recipient: "lee@example.net" });
  });

  it("ignores a notice of successful delivery", async () => {
    const failed = samples.postfixHardBounce(sample).toString();
    const raw = failed.replace("Action: failed", "Action: delivered").replace("Status: 5.1.1", "Status: 2.0.0");
    expect(await parseBounceReport(Buffer.from(raw))).toBeNull();
  });

  it.each([
    ["Yahoo (the original's headers)", samples.yahooComplaint, "kim@example.net", "Yahoo!-Mail-Feedback/2.0"],
    ["AOL (the original attached, the recipient left out)", samples.aolComplaint, null, "AOL SComp"],
  ])("reads a complaint from %s", async (_from, make, recipient, agent) => {
    const raw = make(sample);
    const detail = `complaint (abuse) reported by ${agent}`;
    expect(await parseBounceReport(raw)).toMatchObject({ type: "complaint", code: "abuse", recipient, detail });
    expect(findBounceAddresses(toSharedAddress(raw), domain)).toEqual([outboxId]);
  });

  it.each(["not-spam", "auth-failure"])("does not count %s feedback as a complaint", async (type) => {
    expect(await parseBounceReport(samples.yahooComplaint(sample, type))).toBeNull();
  });

  it("reads a plain-text bounce by the status code it quotes, not by an IP address", async () => {
    expect(await parseBounceReport(samples.qmailBounce(sample))).toMatchObject({
      type: "hard_bounce",
      code: "5.1.1",
      detail: "Remote host said: 550 sorry, no mailbox here by that name. (#5.1.1)",
    });
  });

  it("ignores an out-of-office reply, even one that mentions something like a status code", async () => {
    expect(await parseBounceReport(samples.vacationReply(sample))).toBeNull();
  });

  it("ignores ordinary mail", async () => {
    const raw = Buffer.from(`From: kim@example.net\r\nTo: ${verp}\r\nSubject: hello\r\n\r\nError 5.1.1 here\r\n`);
    expect(await parseBounceReport(raw)).toBeNull();
  });
});
