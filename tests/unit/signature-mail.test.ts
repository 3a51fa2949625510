import { describe, expect, it } from "vitest";
import { renderSignatureMail } from "@/lib/signatures/signature-mail-template";
import { readWithdrawToken, withdrawToken } from "@/lib/signatures/links";
import { escapeHtml } from "@/lib/infra/mail/layout";

const base = {
  signatureId: "4f1c2b9e-8d3a-4c5e-9f10-2a3b4c5d6e7f",
  signerName: "Jane <script>alert(1)</script>",
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

  it("escapes what signers typed in the HTML part and keeps it as typed in the text part", () => {
    const mail = renderSignatureMail({ ...base, kind: "signature.confirm", locale: "en", token: "t" });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("Jane &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail.text).toContain("Hello Jane <script>alert(1)</script>,");
  });

  it("writes Korean mail for Korean signers", () => {
    const mail = renderSignatureMail({
      ...base,
      signerName: "김하나",
      campaignTitle: "북한 인권을 정상회담 의제로",
      kind: "signature.confirm",
      locale: "ko",
      token: "t",
    });
    expect(mail.subject).toBe("서명을 확인해 주세요: 북한 인권을 정상회담 의제로");
    expect(mail.text).toContain("김하나 님, 안녕하세요.");
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
