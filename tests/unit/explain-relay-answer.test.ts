import { describe, expect, it } from "vitest";
import { explainRelayAnswer } from "@/lib/infra/mail/explain-relay-answer";

describe("the relay's answer in words", () => {
  it.each([
    ["250 2.0.0 Ok: queued as 4F3A2", "accepted", "250 2.0.0"],
    ["550 5.1.1 Mailbox unavailable", "mailbox_unknown", "550 5.1.1"],
    ["550-5.1.1 The email account that you tried to reach does not exist", "mailbox_unknown", "550 5.1.1"],
    ["550 5.1.10 RESOLVER.ADR.RecipientNotFound", "mailbox_unknown", "550 5.1.10"],
    ["552 5.2.2 Mailbox full", "mailbox_full", "552 5.2.2"],
    ["550 5.7.26 Unauthenticated", "refused_policy", "550 5.7.26"],
    ["554 Transaction failed", "refused_policy", "554"],
    ["553 Requested action not taken", "refused", "553"],
    ["421 4.7.0 Try again later", "try_later", "421 4.7.0"],
    ["waiting for the relay, next try in 60 minutes: 451 4.3.0 Busy", "waiting", "451 4.3.0"],
    ["waiting for the relay, next try in 60 minutes: connect ECONNREFUSED 127.0.0.1:25 (ESOCKET)", "waiting", null],
    ["connect ECONNREFUSED 127.0.0.1:25 (ESOCKET)", "relay_unreachable", null],
    ["what the message was about was withdrawn before it was sent", "withdrawn", null],
    ["cancelled by an organizer", "cancelled", null],
    ["something else entirely", "unknown", null],
    [null, "unknown", null],
  ])("%j → %s", (raw, answer, code) => {
    expect(explainRelayAnswer(raw)).toEqual({ answer, code });
  });
});
