// The Content-Security-Policy as a browser applies it: the violation guard in fixtures.ts really catches violations,
// pages hydrate with their nonce, other sites cannot frame pages but may frame the count and its widget, and the dev
// mailbox shows an email's HTML (inline styles and all) under a policy of its own.
import { randomUUID } from "node:crypto";
import { expect, formTokenOf, openMail, test } from "./fixtures";

test("the violation guard sees a blocked request", async ({ page, cspViolations }) => {
  await page.goto("/en");
  await page.evaluate(() => {
    const img = document.createElement("img");
    img.src = "https://tracker.example/pixel.png";
    document.body.append(img);
  });
  await expect.poll(() => cspViolations.some((v) => v.includes("img-src"))).toBe(true);
  cspViolations.splice(0);
});

test("the campaign page hydrates under its nonce (the count refreshes from the browser)", async ({
  page,
  campaign,
}) => {
  const countRequest = page.waitForRequest((r) => r.url().endsWith(`/api/campaigns/${campaign.slug}/count`));
  const response = await page.goto(`/en/c/${campaign.slug}`);
  const csp = response!.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  await countRequest;
  // Each view gets its own nonce.
  const again = await page.request.get(`/en/c/${campaign.slug}`);
  expect(again.headers()["content-security-policy"]).not.toContain(nonce);
});

test("another site cannot frame a page, but may frame the count and the count widget", async ({
  page,
  campaign,
  baseURL,
  cspViolations,
}) => {
  // Another origin on this machine (Chromium would refuse a public page framing localhost at all).
  const partner = "http://127.0.0.1:9/partner.html";
  await page.route(partner, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><title>Partner</title>
        <iframe name="page" title="page" src="${baseURL}/en/c/${campaign.slug}"></iframe>
        <iframe name="count" title="count" src="${baseURL}/api/campaigns/${campaign.slug}/count"></iframe>
        <iframe name="widget" title="widget" src="${baseURL}/embed/ko/${campaign.slug}"></iframe>`,
    }),
  );
  const countRequest = page.waitForRequest(
    (r) => r.url().endsWith(`/api/campaigns/${campaign.slug}/count`) && r.frame().name() === "widget",
  );
  await page.goto(partner);
  await expect(page.frameLocator('iframe[name="count"]').locator("body")).toContainText('"confirmed":0');
  // The widget renders in Korean, and hydrates in the frame (its count refreshes from the browser).
  const widget = page.frameLocator('iframe[name="widget"]');
  await expect(widget.getByRole("link", { name: campaign.titles.ko })).toBeVisible();
  await expect(widget.getByTestId("confirmed-count")).toHaveText("첫 번째 서명자가 되어 주세요");
  await countRequest;
  await expect.poll(() => cspViolations.some((v) => v.includes("frame-ancestors 'none'"))).toBe(true);
  await expect(page.frameLocator('iframe[name="page"]').getByRole("heading", { level: 1 })).toHaveCount(0);
  cspViolations.splice(0);
});

test("the dev mailbox shows an email's HTML in a sandboxed frame with its styles", async ({ page, campaign }) => {
  const email = `mailbox-${randomUUID().slice(0, 8)}@example.test`;
  const formToken = await formTokenOf(page, `/en/c/${campaign.slug}`);
  const res = await page.request.post(`/api/campaigns/${campaign.slug}/signatures`, {
    data: { name: "Kim Test", email, country: "DE", locale: "en", formToken },
  });
  expect(res.status()).toBe(202);
  await openMail(page, email, /Confirm your signature/);
  const button = page.frameLocator("iframe.mail-html").getByRole("link", { name: "Confirm my signature" });
  await expect(button).toBeVisible();
  // The email's inline style applied: the button's background is the one the template sets.
  await expect(button).toHaveCSS("background-color", "rgb(29, 78, 216)");
});
