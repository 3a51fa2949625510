import { describe, expect, it } from "vitest";
import { renderSignatureMail } from "@/lib/signatures/signature-mail-template";
import { readWithdrawToken, withdrawToken } from "@/lib/signatures/links";
import { escapeHtml } from "@/lib/infra/mail/layout";

const base = {
  signatureId: "4f1c2b9e-8d3a-4c5e-9f10-2a3b4c5d6e7f",
  appearance: "initials" as const,
  campaignTitle: "Put human rights on the summit agenda",
  organizationName: "Demo Coalition",
};

describe("signature emails", () => {
  it("carries the confirmation link, a withdraw link and the expiry, in plain text and HTML", () => {
    const mail = renderSignatureMail({ ...base, kind: "signature.confirm", locale: "en", token: "tok_123" });
    expect(mail.subject).toBe("Confirm your signature: Put human rights on the summit agenda");
    expect(mail.text).toContain("http://localhost:3000/en/confirm/tok_123");
    expect(mail.text).toContain(`http://localhost:3000/en/withdraw/${withdrawToken(base.signatureId)}`);
    expect(mail.text).toContain("The link is valid for 7 days.");
    expect(mail.html).toContain('href="http://localhost:3000/en/confirm/tok_123"');
    expect(mail.html).toContain('<html lang="en">');
  });

  it("greets without the name typed in the form (anyone can sign with another person's address)", () => {
    const mail = renderSignatureMail({ ...base, kind: "signature.confirm", locale: "en", token: "t" });
    expect(mail.text.startsWith("Hello,\n")).toBe(true);
  });

  it.each([
    ["en", "full", "How you appear to the recipient: Full name, city or region, and country"],
    ["en", "initials", "How you appear to the recipient: Initials and country only"],
    ["en", "counted", "How you appear to the recipient: Counted only, without my name"],
    ["ko", "full", "받는 분에게 표시되는 방식: 이름 전체, 사는 지역과 국가"],
    ["ko", "initials", "받는 분에게 표시되는 방식: 이니셜과 국가만"],
    ["ko", "counted", "받는 분에게 표시되는 방식: 이름 없이 서명 수에만 포함"],
  ] as const)("repeats the choice (%s, %s) with the link to change it, in both kinds", (locale, appearance, line) => {
    for (const kind of ["signature.confirm", "signature.already_confirmed"] as const) {
      const mail = renderSignatureMail({ ...base, appearance, kind, locale, token: "t" });
      expect(mail.text).toContain(line);
      const link = `http://localhost:3000/${locale}/withdraw/${withdrawToken(base.signatureId)}`;
      const change = mail.text.split("\n").find((l) => l.includes(locale === "en" ? "You can change" : "바꾸실 수"));
      expect(change).toContain(link);
    }
  });

  it("writes Korean mail for Korean signers", () => {
    const mail = renderSignatureMail({
      ...base,
      campaignTitle: "북한 인권을 정상회담 의제로",
      kind: "signature.confirm",
      locale: "ko",
      token: "t",
    });
    expect(mail.subject).toBe("서명을 확인해 주세요: 북한 인권을 정상회담 의제로");
    expect(mail.text).toContain("안녕하세요.");
    expect(mail.text).toContain("http://localhost:3000/ko/confirm/t");
    expect(mail.html).toContain('<html lang="ko">');
  });

  it("tells an already confirmed signer without a confirmation link", () => {
    const mail = renderSignatureMail({ ...base, kind: "signature.already_confirmed", locale: "en" });
    expect(mail.subject).toBe("You have already signed: Put human rights on the summit agenda");
    expect(mail.text).not.toContain("/confirm/");
    expect(mail.text).toContain("/en/withdraw/");
  });
});

describe("withdraw links", () => {
  it("name the signature they were made for and reject any change", () => {
    const token = withdrawToken(base.signatureId);
    expect(readWithdrawToken(token)).toBe(base.signatureId);
    expect(readWithdrawToken(token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"))).toBeNull();
    expect(readWithdrawToken(`00000000-0000-4000-8000-000000000000.${token.split(".")[1]}`)).toBeNull();
    expect(readWithdrawToken("garbage")).toBeNull();
  });
});

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
