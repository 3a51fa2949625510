// Reports as real mail systems write them (Postfix, Gmail, Exchange Online, qmail, Yahoo's and AOL's feedback loops),
// addressed to a bounce address and quoting the original message, whose Return-Path is that address.
export type Sample = { to: string; recipient: string; returnPath?: string; messageId?: string };

const crlf = (lines: string[]) => Buffer.from(lines.join("\r\n"));

function original({ recipient, returnPath, messageId }: Sample): string[] {
  return [
    ...(returnPath ? [`Return-Path: <${returnPath}>`] : []),
    "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=coalition.example; s=mail2026; h=from:to;",
    " bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=AAAA",
    "From: Open Letters <no-reply@coalition.example>",
    `To: ${recipient}`,
    "Subject: Confirm your signature: Test campaign",
    `Message-ID: ${messageId ?? "<6f1c2a94-0c0e-4f7e-9a55-3b8f0f2d1e11@coalition.example>"}`,
    "Date: Thu, 03 Dec 2026 09:00:00 +0000",
    "MIME-Version: 1.0",
    'Content-Type: multipart/alternative; boundary="--_NmP-orig"',
  ];
}

/** Postfix: "Undelivered Mail Returned to Sender", the original attached whole. */
export function postfixHardBounce(s: Sample): Buffer {
  return crlf([
    "Return-Path: <>",
    "Received: by mx.example.net (Postfix) id 4F3A2; Thu, 03 Dec 2026 09:00:02 +0000 (UTC)",
    "Date: Thu, 03 Dec 2026 09:00:02 +0000 (UTC)",
    "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)",
    "Subject: Undelivered Mail Returned to Sender",
    `To: ${s.to}`,
    "Auto-Submitted: auto-replied",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="4F3A2.1764752402/mx.example.net"',
    "Message-Id: <20261203090002.4F3A2@mx.example.net>",
    "",
    "This is a MIME-encapsulated message.",
    "",
    "--4F3A2.1764752402/mx.example.net",
    "Content-Description: Notification",
    "Content-Type: text/plain; charset=us-ascii",
    "",
    "This is the mail system at host mx.example.net.",
    "",
    "I'm sorry to have to inform you that your message could not",
    "be delivered to one or more recipients. It's attached below.",
    "",
    `<${s.recipient}>: host mail.example.net[192.0.2.25] said: 550 5.1.1`,
    `    <${s.recipient}>: Recipient address rejected: User unknown in virtual mailbox`,
    "    table (in reply to RCPT TO command)",
    "",
    "--4F3A2.1764752402/mx.example.net",
    "Content-Description: Delivery report",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.example.net",
    "X-Postfix-Queue-ID: 4F3A2",
    "X-Postfix-Sender: rfc822; " + s.to,
    "Arrival-Date: Thu,  3 Dec 2026 09:00:01 +0000 (UTC)",
    "",
    `Final-Recipient: rfc822; ${s.recipient}`,
    `Original-Recipient: rfc822;${s.recipient}`,
    "Action: failed",
    "Status: 5.1.1",
    "Remote-MTA: dns; mail.example.net",
    `Diagnostic-Code: smtp; 550 5.1.1 <${s.recipient}>: Recipient address rejected: User`,
    "    unknown in virtual mailbox table",
    "",
    "--4F3A2.1764752402/mx.example.net",
    "Content-Description: Undelivered Message",
    "Content-Type: message/rfc822",
    "",
    ...original(s),
    "",
    "----_NmP-orig",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Please confirm your signature.",
    "----_NmP-orig--",
    "",
    "--4F3A2.1764752402/mx.example.net--",
    "",
  ]);
}

/** Postfix, four hours on: still trying (Action: delayed). */
export function postfixDelayed(s: Sample): Buffer {
  return crlf([
    "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)",
    "Subject: Delayed Mail (still being retried)",
    `To: ${s.to}`,
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B7"',
    "",
    "--B7",
    "Content-Type: text/plain; charset=us-ascii",
    "",
    "This is the mail system at host mx.example.net. Your message could not be delivered for 4.0 hours.",
    "It will be retried until it is 5.0 days old.",
    "",
    "--B7",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.example.net",
    "",
    `Final-Recipient: rfc822; ${s.recipient}`,
    "Action: delayed",
    "Status: 4.4.1",
    "Diagnostic-Code: X-Postfix; connect to mail.example.net[192.0.2.25]:25: Connection timed out",
    "Will-Retry-Until: Tue, 8 Dec 2026 09:00:01 +0000 (UTC)",
    "",
    "--B7",
    "Content-Type: text/rfc822-headers",
    "",
    ...original(s),
    "",
    "--B7--",
    "",
  ]);
}

/** Gmail: "Delivery Status Notification (Failure)", with its multi-line 550-5.1.1 answer. */
export function gmailHardBounce(s: Sample): Buffer {
  return crlf([
    "Return-Path: <>",
    "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
    `To: ${s.to}`,
    "Auto-Submitted: auto-replied",
    "Subject: Delivery Status Notification (Failure)",
    "Message-ID: <5f3c2b1a.abc@mx.google.com>",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; boundary="000000000000a1b2c3"; report-type=delivery-status',
    "",
    "--000000000000a1b2c3",
    'Content-Type: multipart/related; boundary="000000000000a1b2c4"',
    "",
    "--000000000000a1b2c4",
    'Content-Type: multipart/alternative; boundary="000000000000a1b2c5"',
    "",
    "--000000000000a1b2c5",
    'Content-Type: text/plain; charset="UTF-8"',
    "",
    "** Address not found **",
    "",
    `Your message wasn't delivered to ${s.recipient} because the address couldn't be found, or is unable to receive mail.`,
    "",
    "--000000000000a1b2c5--",
    "--000000000000a1b2c4--",
    "--000000000000a1b2c3",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; googlemail.com",
    "Received-From-MTA: dns; relay.coalition.example",
    "Arrival-Date: Thu, 03 Dec 2026 01:00:02 -0800 (PST)",
    "X-Original-Message-ID: <6f1c2a94-0c0e-4f7e-9a55-3b8f0f2d1e11@coalition.example>",
    "",
    `Final-Recipient: rfc822; ${s.recipient}`,
    "Action: failed",
    "Status: 5.1.1",
    "Remote-MTA: dns; gmail-smtp-in.l.google.com. (2001:4860:4864:20::1a, the server for the domain gmail.com.)",
    "Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does not exist. Please try",
    " 550-5.1.1 double-checking the recipient's email address for typos or",
    " 550-5.1.1 unnecessary spaces. For more information, go to",
    " 550 5.1.1  https://support.google.com/mail/?p=NoSuchUser a1si2.123 - gsmtp",
    "Last-Attempt-Date: Thu, 03 Dec 2026 01:00:03 -0800 (PST)",
    "",
    "--000000000000a1b2c3",
    "Content-Type: message/rfc822",
    "",
    ...original(s),
    "",
    "----_NmP-orig--",
    "",
    "--000000000000a1b2c3--",
    "",
  ]);
}

/** Exchange Online: an NDR with a 5.1.10 status and the original's headers only. */
export function outlookHardBounce(s: Sample): Buffer {
  return crlf([
    "From: postmaster@outlook.com",
    `To: ${s.to}`,
    "Subject: Undeliverable: Please put human rights on the summit agenda",
    "Content-Language: en-US",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="_000_NDR"',
    "",
    "--_000_NDR",
    'Content-Type: text/plain; charset="us-ascii"',
    "",
    "Your message to " + s.recipient + " couldn't be delivered.",
    "The recipient wasn't found.",
    "",
    "--_000_NDR",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns;AM0PR01MB1234.eurprd01.prod.exchangelabs.com",
    "Received-From-MTA: dns;relay.coalition.example",
    "Arrival-Date: Thu, 3 Dec 2026 09:00:02 +0000",
    "",
    `Original-Recipient: rfc822;${s.recipient}`,
    `Final-Recipient: rfc822;${s.recipient}`,
    "Action: failed",
    "Status: 5.1.10",
    "Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
    "",
    "--_000_NDR",
    "Content-Type: text/rfc822-headers",
    "",
    ...original(s),
    "",
    "--_000_NDR--",
    "",
  ]);
}

/** A relay that gave up after days of temporary errors: Action failed, but a 4.x.x status (soft). */
export function expiredSoftBounce(s: Sample): Buffer {
  return crlf([
    "From: MAILER-DAEMON@relay.example.net",
    `To: ${s.to}`,
    "Subject: Undelivered Mail Returned to Sender",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="X"',
    "",
    "--X",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; relay.example.net",
    "",
    `Final-Recipient: rfc822; ${s.recipient}`,
    "Action: failed",
    "Status: 4.2.2",
    `Diagnostic-Code: smtp; 452 4.2.2 <${s.recipient}>: Mailbox full`,
    "",
    "--X",
    "Content-Type: text/rfc822-headers",
    "",
    ...original(s),
    "",
    "--X--",
    "",
  ]);
}

/** A server refusing the message on policy (5.7.x): not the address's fault. */
export function policyBounce(s: Sample): Buffer {
  return Buffer.from(
    postfixHardBounce(s)
      .toString()
      .replace("Status: 5.1.1", "Status: 5.7.26")
      .replace(/Diagnostic-Code: smtp; 550 5\.1\.1[^]*?table\r\n/, "Diagnostic-Code: smtp; 550 5.7.26 Unauthenticated email is not accepted\r\n"),
  );
}

/** qmail: a plain-text bounce, no report. */
export function qmailBounce(s: Sample): Buffer {
  return crlf([
    "From: MAILER-DAEMON@mail.example.org",
    `To: ${s.to}`,
    "Subject: failure notice",
    "",
    "Hi. This is the qmail-send program at mail.example.org.",
    "I'm afraid I wasn't able to deliver your message to the following addresses.",
    "This is a permanent error; I've given up. Sorry it didn't work out.",
    "",
    `<${s.recipient}>:`,
    "192.0.2.5 does not like recipient.",
    "Remote host said: 550 sorry, no mailbox here by that name. (#5.1.1)",
    "Giving up on 192.0.2.5.",
    "",
    "--- Below this line is a copy of the message.",
    "",
    ...original(s),
    "",
  ]);
}

/** An out-of-office reply, which RFC 3834 sends to the Return-Path: not a bounce. */
export function vacationReply(s: Sample): Buffer {
  return crlf([
    `From: ${s.recipient}`,
    `To: ${s.to}`,
    "Subject: Automatic reply: Confirm your signature",
    "Auto-Submitted: auto-replied",
    "",
    "I am away until 5.1.2027 with no access to email.",
    "",
  ]);
}

/** Yahoo's complaint feedback loop: ARF with the original's headers. */
export function yahooComplaint(s: Sample, feedbackType = "abuse"): Buffer {
  return crlf([
    "From: feedback@arf.mail.yahoo.com",
    `To: ${s.to}`,
    "Subject: FW: Confirm your signature: Test campaign",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=feedback-report; boundary="----=_Part_ARF"',
    "",
    "------=_Part_ARF",
    "Content-Type: text/plain; charset=us-ascii",
    "",
    "This is an email abuse report for an email message received from IP 192.0.2.10 on Thu, 03 Dec 2026 09:00:02 +0000.",
    "For more information about this format please see http://tools.ietf.org/html/rfc5965.",
    "",
    "------=_Part_ARF",
    "Content-Type: message/feedback-report",
    "",
    `Feedback-Type: ${feedbackType}`,
    "User-Agent: Yahoo!-Mail-Feedback/2.0",
    "Version: 1",
    `Original-Mail-From: <${s.returnPath ?? s.to}>`,
    `Original-Rcpt-To: <${s.recipient}>`,
    "Received-Date: Thu, 03 Dec 2026 09:00:02 +0000",
    "Reported-Domain: coalition.example",
    "Authentication-Results: mta1001.mail.bf1.yahoo.com  header.from=coalition.example; dkim=pass (ok)",
    "",
    "------=_Part_ARF",
    "Content-Type: text/rfc822-headers",
    "",
    ...original(s),
    "",
    "------=_Part_ARF--",
    "",
  ]);
}

/** AOL-style ARF: the original attached whole (message/rfc822). */
export function aolComplaint(s: Sample): Buffer {
  return crlf([
    "From: scomp@aol.net",
    `To: ${s.to}`,
    "Subject: Email Feedback Report for IP 192.0.2.10",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type="feedback-report"; boundary="boundary-1"',
    "",
    "--boundary-1",
    "Content-Type: text/plain",
    "",
    "This is an email abuse report for an email message received from IP 192.0.2.10.",
    "",
    "--boundary-1",
    "Content-Type: message/feedback-report",
    "",
    "Feedback-Type: abuse",
    "User-Agent: AOL SComp",
    "Version: 0.1",
    "Received-Date: Thu, 03 Dec 2026 09:00:02 +0000",
    "Source-IP: 192.0.2.10",
    "Reported-Domain: coalition.example",
    "",
    "--boundary-1",
    "Content-Type: message/rfc822",
    "Content-Disposition: inline",
    "",
    ...original(s),
    "",
    "----_NmP-orig--",
    "",
    "--boundary-1--",
    "",
  ]);
}
