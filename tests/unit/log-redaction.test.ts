import { describe, expect, it } from "vitest";
import { describeError, redact } from "@/lib/infra/log";

// Error texts as Postgres, Prisma and SMTP relays write them: what they echo must not reach the logs.
describe("error lines in the logs", () => {
  it.each([
    [
      "a relay quoting the recipient",
      "Can't send mail - all recipients were rejected: 550 5.1.1 <kim.canary@example.org>: Recipient address rejected",
      "kim.canary",
    ],
    [
      "a unique violation's key",
      "Key (campaign_id, email_key)=(5f0c…, kim.canary@example.org) already exists.",
      "kim.canary",
    ],
    [
      "a check violation's row",
      'new row violates check constraint "trap" Failing row contains (1, Kim Canary, kim@x.org)',
      "Kim Canary",
    ],
    ["a value quoted by a type error", 'invalid input syntax for type uuid: "Kim Canary"', "Kim Canary"],
    [
      "Prisma's call with its arguments",
      'Invalid `prisma.signature.create()` invocation:\n{ data: { name: "Kim Canary" } }',
      "Kim Canary",
    ],
  ])("drops %s", (_what, message, secret) => {
    expect(redact(message)).not.toContain(secret);
    expect(describeError(Object.assign(new Error(message), { code: "23505", detail: `(${secret})` }))).not.toContain(
      secret,
    );
  });

  it("keeps what an operator needs: the kind, the code and the constraint", () => {
    const err = Object.assign(
      new Error('duplicate key value violates unique constraint "signature_campaign_id_email_key_key"'),
      {
        code: "23505",
        table: "signature",
        constraint: "signature_campaign_id_email_key_key",
        detail: "Key (campaign_id, email_key)=(x, kim@example.org) already exists.",
      },
    );
    expect(describeError(err)).toBe(
      'Error 23505: duplicate key value violates unique constraint "[redacted]" (table signature, constraint signature_campaign_id_email_key_key)',
    );
    expect(
      describeError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })),
    ).toBe("Error ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432");
  });
});
