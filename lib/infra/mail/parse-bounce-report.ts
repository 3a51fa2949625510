// Reads what comes back to a bounce address: a delivery status notification (RFC 3464), a complaint (RFC 5965 feedback
// report), or a plain-text bounce from a mail system that quotes an enhanced status code (RFC 3463). Anything else
// (auto-replies, "not spam" feedback, notices of success) is no report: null.
import { simpleParser, type ParsedMail } from "mailparser";

export type BounceReport = {
  /** failed with 5.x.x: hard; failed with 4.x.x, or delayed: soft; a spam, fraud or virus report: complaint. */
  type: "hard_bounce" | "soft_bounce" | "complaint";
  /** A bounce's enhanced status code ("5.1.1"); a complaint's feedback type ("abuse"). */
  code: string;
  /** What the receiving side said, for the message's history: the Diagnostic-Code, or the complaint's source. */
  detail: string;
  /** The recipient the report is about, as the report names it. */
  recipient: string | null;
};

const complaintTypes = new Set(["abuse", "fraud", "virus"]);
/** An enhanced status code, not part of an IP address or a version number. */
const statusCode = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?!\.?\d)/;
/** How an old-style bounce announces itself, when it is not a report. */
const mailSystem = /^(mailer-daemon|postmaster|mail-daemon|mailer|bounces?)@/i;
const bounceSubject = /undeliver|returned mail|delivery (status notification|failure|has failed)|failure notice/i;

export async function parseBounceReport(raw: Buffer): Promise<BounceReport | null> {
  const options = { keepDeliveryStatus: true, skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true };
  const mail = await simpleParser(raw, options);
  const contentType = mail.headers.get("content-type") as { value?: string; params?: Record<string, string> } | null;
  const multipartReport = contentType?.value === "multipart/report";
  const reportType = multipartReport ? contentType.params?.["report-type"]?.toLowerCase() : "";
  const part = (...types: string[]) => mail.attachments.find((a) => types.includes(a.contentType))?.content.toString();

  if (reportType === "delivery-status" || reportType === "global-delivery-status") {
    const status = part("message/delivery-status", "message/global-delivery-status");
    return status ? deliveryStatus(status) : null;
  }
  if (reportType === "feedback-report") {
    const feedback = part("message/feedback-report");
    return feedback ? complaint(feedback) : null;
  }
  return plainBounce(mail);
}

/** RFC 3464 §2: blocks of header-like fields, the first about the message, each next one about a recipient. */
function fieldBlocks(text: string): Map<string, string>[] {
  return text
    .replace(/\r\n/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((block) => {
      const fields = new Map<string, string>();
      for (const line of block.replace(/\n[ \t]+/g, " ").split("\n")) {
        const colon = line.indexOf(":");
        if (colon > 0) fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      return fields;
    })
    .filter((fields) => fields.size > 0);
}

/** "rfc822; kim@example.org" → "kim@example.org"; "smtp; 550 5.1.1 …" → "550 5.1.1 …". */
function typed(value: string | undefined): string | null {
  if (!value) return null;
  const semicolon = value.indexOf(";");
  return (semicolon >= 0 ? value.slice(semicolon + 1) : value).trim() || null;
}

function deliveryStatus(text: string): BounceReport | null {
  let worst: BounceReport | null = null;
  for (const fields of fieldBlocks(text)) {
    const action = fields.get("action")?.toLowerCase();
    if (action !== "failed" && action !== "delayed") continue;
    const diagnostic = typed(fields.get("diagnostic-code")) ?? "";
    const code = statusCode.exec(fields.get("status") ?? "")?.[0] ?? statusCode.exec(diagnostic)?.[0] ?? "";
    // A failure without a usable status still says which class it is in its SMTP reply ("550 …", "452 …").
    const transient = code ? code.startsWith("4") : /^4\d\d\b/.test(diagnostic);
    const type = action === "failed" && !transient ? "hard_bounce" : "soft_bounce";
    const report: BounceReport = {
      type,
      code: code || (type === "hard_bounce" ? "5.0.0" : "4.0.0"),
      detail: diagnostic || `${action} (${code || "no status"})`,
      recipient: typed(fields.get("final-recipient") ?? fields.get("original-recipient")),
    };
    if (!worst || (worst.type === "soft_bounce" && type === "hard_bounce")) worst = report;
  }
  return worst;
}

function complaint(text: string): BounceReport | null {
  const fields = fieldBlocks(text)[0] ?? new Map<string, string>();
  const feedbackType = fields.get("feedback-type")?.toLowerCase() ?? "";
  // "not-spam" takes a complaint back; "auth-failure" (RFC 6591) reports a DMARC or DKIM failure, not a person.
  if (!complaintTypes.has(feedbackType)) return null;
  const recipient = fields.get("original-rcpt-to")?.replace(/^<|>$/g, "") ?? null;
  const source = fields.get("user-agent") ?? fields.get("reporting-mta") ?? "the recipient's mail provider";
  const detail = `complaint (${feedbackType}) reported by ${source}`;
  return { type: "complaint", code: feedbackType, detail, recipient };
}

/** A plain-text bounce from a mail system (qmail, older Exchange): its first enhanced status code decides. */
function plainBounce(mail: ParsedMail): BounceReport | null {
  const from = mail.from?.value[0]?.address ?? "";
  const subject = mail.subject ?? "";
  const autoSubmitted = String(mail.headers.get("auto-submitted") ?? "");
  const autoReply = /^auto-replied$/i.test(autoSubmitted) || /^(auto|out of office)/i.test(subject);
  if (autoReply || !(mailSystem.test(from) || bounceSubject.test(subject))) return null;
  const text = mail.text ?? "";
  const match = statusCode.exec(text);
  if (!match || match[1] === "2") return null;
  const line =
    text
      .split("\n")
      .find((l) => l.includes(match[0]))
      ?.trim() ?? match[0];
  const type = match[1] === "5" ? "hard_bounce" : "soft_bounce";
  return { type, code: match[0], detail: line.slice(0, 500), recipient: null };
}
