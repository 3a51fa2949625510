// @vitest-environment node
import { describe, expect, it } from "vitest";
import { createLogger, describeError, redact } from "@/lib/infra/log";
import { consoleText } from "@/lib/infra/log-console";

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

// Every place an error's text could hide: its message (first and later lines), a cause (and the cause's cause),
// pg's detail, hint and where, the stack, and properties of its own. Whatever way it reaches the logs, none of it does.
describe("an error carrying someone's address and name, in every field", () => {
  const email = "kim.canary@example.org";
  const name = "Kim Canary";
  const leaks = new RegExp(`${name}|kim\\.canary|canary@`, "i");
  function loaded(): Error {
    const root = Object.assign(new Error(`Key (email_key)=(${email}) already exists.`), {
      code: "23505",
      detail: `Failing row contains (1, ${name}, ${email}).`,
    });
    const relay = new Error(`550 5.1.1 <${email}>: Recipient address rejected`, { cause: root });
    const err = Object.assign(
      new Error(
        `Invalid \`prisma.signature.create()\` invocation: "${name}"\n{ data: { name: ${name}, email: ${email} } }`,
        {
          cause: relay,
        },
      ),
      {
        code: "P2002",
        detail: `Failing row contains (${name}, ${email})`,
        hint: `Check ${name}`,
        where: `SQL statement "INSERT … ${email}"`,
        meta: { target: [email], name },
        table: name, // not an identifier: left out
      },
    );
    err.stack = `Error: ${name} <${email}>\n    at sign (/app/${name}/${email}.ts:1:1)`;
    return err;
  }

  it("is described with none of it, and with what an operator needs", () => {
    const line = describeError(loaded());
    expect(line).not.toMatch(leaks);
    expect(line).toBe(
      'Error P2002: Invalid `prisma.signature.create()` invocation: "[redacted]"; cause: Error: 550 5.1.1 <[address]>: ' +
        "Recipient address rejected; cause: Error 23505: Key [key]=[redacted] already exists.",
    );
  });

  it("reaches a log record, JSON or readable, with none of it", () => {
    for (const format of ["json", "pretty"] as const) {
      const lines: string[] = [];
      const log = createLogger("api", () => ({ format, level: "debug", color: false, write: (l) => lines.push(l) }));
      log.error("unexpected error", { err: loaded() });
      log.warn("could not send", { err: loaded().cause, attempt: 2 });
      expect(lines).toHaveLength(2);
      for (const line of lines) expect(line).not.toMatch(leaks);
      expect(lines[0]).toContain("P2002");
    }
  });

  it("printed by other code with console.* (Next, React, a library), yields none of it", () => {
    const printed = [
      consoleText([loaded()]),
      consoleText(["⨯ %s failed for %s", "render", email, loaded()]),
      consoleText([`Error sending to ${email}:`, { to: email, name }, loaded()]),
    ];
    for (const { text, err } of printed) {
      expect(redact(text)).not.toMatch(leaks);
      expect(describeError(err)).not.toMatch(leaks);
    }
    expect(consoleText(["⨯ %s failed: %d%%", "render", 3])).toEqual({ text: "⨯ render failed: 3%", err: undefined });
    expect(consoleText(["x", { name }, [email]]).text).toBe("x [Object] [Array]");
  });
});

describe("error texts of other shapes", () => {
  it("keep their first line with text (Prisma's start with a blank one)", () => {
    const prisma = Object.assign(
      new Error(
        "\nInvalid `prisma.session.findFirst()` invocation:\n\n\nCan't reach database server at `127.0.0.1:5432`",
      ),
      { name: "PrismaClientKnownRequestError", code: "P1001" },
    );
    expect(describeError(prisma)).toBe(
      "PrismaClientKnownRequestError P1001: Invalid `prisma.session.findFirst()` invocation:",
    );
  });

  it("lose the colours Next prints with", () => {
    expect(consoleText(["\u001b[31m\u001b[1m⨯\u001b[22m\u001b[39m", new Error("x")]).text).toBe("⨯");
  });
});
