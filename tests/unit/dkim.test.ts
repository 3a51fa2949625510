// @vitest-environment node
// The one-pass DKIM signer against nodemailer's (the same bytes, given the same key and fields) and against a
// verifier (mailauth's dkimVerify, reading the public key from a stub DNS).
import { describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { generateKeyPairSync } from "node:crypto";
import DKIM from "nodemailer/lib/dkim";
import { dkimVerify } from "mailauth/lib/dkim/verify";
import { composeMail } from "@/lib/infra/mail/compose-mail";
import { defaultSignedHeaders, signMail, type DkimKey } from "@/lib/infra/mail/dkim";

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const key: DkimKey = { domain: "coalition.example", selector: "mail2026", privateKey };
const txt = `v=DKIM1; k=rsa; p=${publicKey.export({ type: "spki", format: "der" }).toString("base64")}`;
/** DNS as the verifier sees it: the selector's TXT record holds the public key. */
const resolver = async (name: string, type: string) => {
  if (type === "TXT" && name === "mail2026._domainkey.coalition.example") return [[txt]];
  throw Object.assign(new Error(`no ${type} record for ${name}`), { code: "ENOTFOUND" });
};

async function nodemailerSigned(raw: Buffer, headers = defaultSignedHeaders): Promise<Buffer> {
  const options = { domainName: key.domain, keySelector: key.selector, privateKey, headerFieldNames: headers };
  const signer = new DKIM(options as never);
  const chunks: Buffer[] = [];
  for await (const chunk of signer.sign(raw)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function verdict(message: Buffer) {
  const { results } = await dkimVerify(message, { resolver });
  return results.map((r) => ({ result: r.status.result, domain: r.signingDomain }));
}

const text = `Dear Mr. President,\n\n${"Please put human rights on the summit agenda. ".repeat(30)}\n\nSincerely,\nKim`;
const letter = {
  messageId: "<letter.1@coalition.example>",
  from: "Coalition for North Korean Human Rights <letters@coalition.example>",
  to: "president@whitehouse.example",
  replyTo: { name: "김철수", address: "kim@example.org" },
  subject: "북한 인권을 의제로 — please put human rights on the summit agenda",
  text,
  html: `<p>${text.replaceAll("\n", "<br>")}</p>`,
};

describe("signing a message with DKIM", () => {
  it("writes exactly the signature nodemailer's signer writes, and it verifies", async () => {
    const { raw } = await composeMail(letter);
    const signed = await signMail(raw, key);
    expect(signed.equals(await nodemailerSigned(raw))).toBe(true);
    expect(signed.subarray(signed.length - raw.length).equals(raw)).toBe(true);
    expect(signed.toString()).toMatch(
      /^DKIM-Signature: v=1; a=rsa-sha256; c=relaxed\/relaxed; d=coalition.example;\r\n q=dns\/txt; s=mail2026;/,
    );
    expect(
      signed
        .toString()
        .split("\r\n")
        .every((line) => line.length <= 78),
    ).toBe(true);
    expect(await verdict(signed)).toEqual([{ result: "pass", domain: "coalition.example" }]);
  });

  it("signs the fields DKIM_HEADERS names, and a verifier notices a change to one of them", async () => {
    const { raw } = await composeMail(letter);
    const signed = await signMail(raw, { ...key, headers: "From:To:Subject:Reply-To" });
    expect(signed.toString()).toMatch(/h=from:to:subject:reply-to;/);
    expect(signed.equals(await nodemailerSigned(raw, "From:To:Subject:Reply-To"))).toBe(true);
    const edited = (from: string, to: string) => Buffer.from(signed.toString("latin1").replace(from, to), "latin1");
    const forged = edited("Reply-To:", "Reply-To: <someone@else.example>,");
    expect((await verdict(forged))[0]!.result).toBe("fail");
    const untouched = edited("Message-ID:", "X-Unsigned: 1\r\nMessage-ID:");
    expect((await verdict(untouched))[0]!.result).toBe("pass");
  });

  it("signs a digest with its CSV attached (MailComposer's path)", async () => {
    const csv = { filename: "signers.csv", content: "name,country\r\nKim,US\r\n" };
    const { raw } = await composeMail({ ...letter, attachments: [csv] });
    const signed = await signMail(raw, key);
    expect(signed.equals(await nodemailerSigned(raw))).toBe(true);
    expect((await verdict(signed))[0]!.result).toBe("pass");
  });

  it("signs a local mailbox file (LF line ends) as the CRLF message a verifier reads, and keeps it LF", async () => {
    const { raw } = await composeMail(letter);
    const lf = Buffer.from(raw.toString("latin1").replaceAll("\r\n", "\n"), "latin1");
    const signed = await signMail(lf, key);
    expect(signed.includes("\r")).toBe(false);
    const crlf = await signMail(raw, key);
    const field = (message: Buffer, unsigned: Buffer) => message.toString().slice(0, -unsigned.length);
    expect(field(signed, lf).replaceAll("\n", "\r\n")).toBe(field(crlf, raw));
    expect((await verdict(signed))[0]!.result).toBe("pass");
  });

  it("signs bare CRs and LFs in a body as the CRLFs SMTP makes of them: the delivered message verifies", async () => {
    const raw = Buffer.from("From: a@coalition.example\r\nSubject: x\r\n\r\none\rtwo\nthree \t\r\n\n\r");
    const signed = await signMail(raw, key);
    // What nodemailer's SMTP connection sends (its DataStream), and a receiving server stores.
    const delivered = Buffer.from(signed.toString("latin1").replace(/\r(?!\n)|(?<!\r)\n/g, "\r\n"), "latin1");
    expect((await verdict(delivered))[0]!.result).toBe("pass");
  });

  it("leaves the message as it is when no key is configured", async () => {
    const { raw } = await composeMail(letter);
    expect(await signMail(raw, null)).toBe(raw);
  });

  it("agrees with nodemailer on any body and folding: spaces, tabs, blank lines, long and empty bodies", async () => {
    const piece = fc.constantFrom(
      "a",
      "Z",
      " ",
      "  ",
      "\t",
      " \t ",
      "\r\n",
      "\n",
      "\r\n\r\n",
      "=",
      ".",
      "x".repeat(80),
    );
    const body = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(""));
    const word = fc.constantFrom("Please", " ", "\t", "act", "now");
    const subject = fc.array(word, { maxLength: 30 }).map((p) => p.join(""));
    await fc.assert(
      fc.asyncProperty(body, subject, async (b, s) => {
        const raw = Buffer.from(
          `From: Coalition <letters@coalition.example>\r\nTo: t@example.test\r\nSubject: ${s}\r\n` +
            `X-Long: ${"folded "
              .repeat(20)
              .trim()
              .replace(/(.{60}) /g, "$1\r\n\t")}\r\nMIME-Version: 1.0\r\n\r\n${b}`,
        );
        const signed = await signMail(raw, key);
        expect(signed.toString()).toBe((await nodemailerSigned(raw)).toString());
      }),
      { numRuns: 60 },
    );
  });
});

describe("the DKIM and bounce settings", () => {
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }) as string;
  const dkim = { DKIM_DOMAIN: "coalition.example", DKIM_SELECTOR: "mail2026", DKIM_PRIVATE_KEY: pem };
  async function load(settings: Record<string, string>) {
    vi.resetModules();
    for (const [name, value] of Object.entries(settings)) vi.stubEnv(name, value);
    try {
      return (await import("@/lib/infra/env")).env;
    } finally {
      vi.unstubAllEnvs();
    }
  }

  it("takes the key on one line with \\n escapes, or as it is", async () => {
    const escaped = pem.replaceAll("\n", "\\n");
    const oneLine = await load({ ...dkim, DKIM_DOMAIN: "Coalition.Example", DKIM_PRIVATE_KEY: escaped });
    expect(oneLine).toMatchObject({ DKIM_DOMAIN: "coalition.example", DKIM_PRIVATE_KEY: pem.trim() });
    expect((await load(dkim)).DKIM_PRIVATE_KEY).toBe(pem.trim());
    const none = await load({ DKIM_DOMAIN: "", DKIM_SELECTOR: "", DKIM_PRIVATE_KEY: "" });
    expect(none).toMatchObject({ DKIM_DOMAIN: undefined, DKIM_SELECTOR: undefined, DKIM_PRIVATE_KEY: undefined });
  });

  it.each([
    [{ DKIM_DOMAIN: "coalition.example" }, /DKIM_DOMAIN: set DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY, or none/],
    [{ ...dkim, DKIM_PRIVATE_KEY: "not a key" }, /DKIM_PRIVATE_KEY: a private key in PEM form/],
    [{ BOUNCE_DOMAIN: "not a domain" }, /BOUNCE_DOMAIN: a domain name/],
    [{ BOUNCE_SMTP_PORT: "70000" }, /BOUNCE_SMTP_PORT/],
  ])("refuses %o", async (settings, message) => {
    await expect(load(settings)).rejects.toThrow(message);
  });

  it("refuses a key DKIM cannot use with rsa-sha256", async () => {
    const ed = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }) as string;
    await expect(load({ ...dkim, DKIM_PRIVATE_KEY: ed })).rejects.toThrow(/an RSA private key/);
  });
});
