// The relay's answer in plain words: SMTP reply codes ("550 5.1.1 …") and connection errors, as the few situations an
// organizer can act on. Pure, so the table is tested on its own; the raw text stays available beside it.

export type RelayAnswer =
  | "accepted"
  | "mailbox_unknown"
  | "mailbox_full"
  | "refused_policy"
  | "refused"
  | "try_later"
  | "relay_unreachable"
  | "waiting"
  | "withdrawn"
  | "cancelled"
  | "unknown";

/** What a stored answer (`response` or `last_error`) means, and the reply code found in it (e.g. "550 5.1.1"). */
export function explainRelayAnswer(raw: string | null | undefined): { answer: RelayAnswer; code: string | null } {
  const text = (raw ?? "").trim();
  if (!text) return { answer: "unknown", code: null };
  if (/^cancelled by /i.test(text)) return { answer: "cancelled", code: null };
  if (/withdrawn before it was sent/i.test(text)) return { answer: "withdrawn", code: null };
  const reply = /\b([245]\d\d)(?:[ -]+([245]\.\d{1,3}\.\d{1,3}))?\b/.exec(text);
  const code = reply ? [reply[1], reply[2]].filter(Boolean).join(" ") : null;
  const waiting = /^waiting for the relay/i.test(text);
  if (reply) {
    const basic = Number(reply[1]);
    const enhanced = reply[2] ?? "";
    if (basic >= 200 && basic < 300) return { answer: "accepted", code };
    if (basic >= 400 && basic < 500) return { answer: waiting ? "waiting" : "try_later", code };
    if (
      /^5\.1\.(0|1|2|3|6|10)$/.test(enhanced) ||
      /user unknown|no such user|mailbox unavailable|does not exist/i.test(text)
    )
      return { answer: "mailbox_unknown", code };
    if (enhanced === "5.2.2" || basic === 552) return { answer: "mailbox_full", code };
    if (/^5\.7\./.test(enhanced) || basic === 554) return { answer: "refused_policy", code };
    return { answer: "refused", code };
  }
  if (/ECONNREFUSED|ETIMEDOUT|ECONNECTION|ESOCKET|EDNS|ENOTFOUND|ECONNRESET|greeting|connection/i.test(text))
    return { answer: waiting ? "waiting" : "relay_unreachable", code: null };
  return { answer: waiting ? "waiting" : "unknown", code: null };
}
