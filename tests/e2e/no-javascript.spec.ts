// Every action a signer or writer takes works with JavaScript off (Tor Browser at its safest setting): signing,
// confirming and withdrawing a signature, confirming and withdrawing a letter, in both languages. (axe runs in the
// page, so it cannot scan here: the same pages are scanned with JavaScript on in sign.spec.ts and letters.spec.ts.)
import { randomUUID } from "node:crypto";
import { expect, linkIn, openMail, query, test, waitOutSignMinimum } from "./fixtures";

const languages = [
  {
    locale: "en",
    name: "Full name",
    email: "Email address",
    region: /State/,
    regionValue: "TX",
    submit: "Sign the letter",
    signed: "We have sent a confirmation link to",
    signSubject: /Confirm your signature/,
    confirmSignature: "Confirm my signature",
    signatureConfirmed: "Your signature is confirmed and counted.",
    withdrawSignature: "Withdraw my signature",
    signatureWithdrawn: "Your signature has been withdrawn and your details deleted.",
    letterSubject: /Confirm your letter/,
    confirmLetter: "Confirm my letter",
    letterConfirmed: "Your letter is confirmed and will be delivered.",
    withdrawLetter: "Withdraw my letter",
    letterWithdrawn: "Your letter has been withdrawn and your details deleted.",
  },
  {
    locale: "ko",
    name: "이름",
    email: "이메일 주소",
    region: /시·도/,
    regionValue: "11",
    submit: "서명하기",
    signed: "확인 링크를 보냈습니다",
    signSubject: /서명을 확인해 주세요/,
    confirmSignature: "서명 확인하기",
    signatureConfirmed: "서명이 확인되어 집계되었습니다.",
    withdrawSignature: "서명 철회하기",
    signatureWithdrawn: "서명이 철회되었고 입력하신 정보가 삭제되었습니다.",
    letterSubject: /편지를 확인해 주세요/,
    confirmLetter: "편지 확인하기",
    letterConfirmed: "편지가 확인되어 전달될 예정입니다.",
    withdrawLetter: "편지 철회하기",
    letterWithdrawn: "편지를 철회하고 입력하신 정보를 삭제했습니다.",
  },
] as const;

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const l of languages) {
    test(`a signer signs, confirms and withdraws (${l.locale})`, async ({ page, campaign }) => {
      const email = `nojs-${randomUUID().slice(0, 8)}@example.test`;
      await page.goto(`/${l.locale}/c/${campaign.slug}`);
      await page.getByLabel(l.name, { exact: true }).fill(l.locale === "ko" ? "김하나" : "No Script");
      await page.getByLabel(l.email, { exact: true }).fill(email);
      await page.getByLabel(l.region).selectOption(l.regionValue);
      // Without JavaScript the browser cannot wait out the minimum time for a person; a person typing takes longer.
      await waitOutSignMinimum(page);
      await page.getByRole("button", { name: l.submit }).click();
      await expect(page.getByTestId("sign-success")).toContainText(l.signed);

      const mail = await openMail(page, email, l.signSubject);
      await page.goto(linkIn(mail, new RegExp(`/${l.locale}/confirm/`)));
      await page.getByRole("button", { name: l.confirmSignature }).click();
      await expect(page.getByTestId("action-result")).toContainText(l.signatureConfirmed);
      expect(await (await page.request.get(`/api/campaigns/${campaign.slug}/count`)).json()).toMatchObject({
        confirmed: 1,
      });

      await page.goto(linkIn(mail, new RegExp(`/${l.locale}/withdraw/`)));
      await page.getByRole("button", { name: l.withdrawSignature }).click();
      await expect(page.getByTestId("action-result")).toContainText(l.signatureWithdrawn);
      expect(await (await page.request.get(`/api/campaigns/${campaign.slug}/count`)).json()).toMatchObject({
        confirmed: 0,
      });
    });

    test(`a writer confirms and withdraws a letter (${l.locale})`, async ({ page, campaign }) => {
      // The composer itself needs JavaScript (it says so); the letter arrives as a script would send it.
      const email = `nojs-letter-${randomUUID().slice(0, 8)}@example.test`;
      // The campaign holds confirmed letters back, so the delivery tick cannot take this one before it is withdrawn.
      await query(`UPDATE campaign SET letter_hold_hours = 24 WHERE slug = $1`, [campaign.slug]);
      await page.goto(`/${l.locale}/c/${campaign.slug}/write`);
      const formToken = await page.locator('input[name="formToken"]').first().inputValue();
      const res = await page.request.post(`/api/campaigns/${campaign.slug}/letters`, {
        data: {
          topics: ["movement"],
          subject: "Freedom of movement",
          language: l.locale,
          name: "No Script Writer",
          email,
          city: "Berlin",
          country: "DE",
          locale: l.locale,
          formToken,
          body: "Dear Mr. President,\n\nPlease ask that North Koreans may travel freely within their own country. It matters to me.",
        },
      });
      expect(res.status()).toBe(202);

      const mail = await openMail(page, email, l.letterSubject);
      await page.goto(linkIn(mail, new RegExp(`/${l.locale}/letters/confirm/`)));
      await page.getByRole("button", { name: l.confirmLetter }).click();
      await expect(page.getByTestId("action-result")).toContainText(l.letterConfirmed);

      await page.goto(linkIn(mail, new RegExp(`/${l.locale}/letters/withdraw/`)));
      await page.getByRole("button", { name: l.withdrawLetter }).click();
      await expect(page.getByTestId("action-result")).toContainText(l.letterWithdrawn);
    });
  }
});
