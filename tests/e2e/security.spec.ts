// The Content-Security-Policy as a browser applies it: the violation guard in fixtures.ts really catches violations,
// pages hydrate with their nonce, other sites cannot frame pages but may frame the count, and the dev mailbox shows
// an email's HTML (inline styles and all) under a policy of its own.
import { randomUUID } from "node:crypto";
import { expect, openMail, test } from "./fixtures";

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

test("the campaign page hydrates under its nonce (the count refreshes from the browser)", async ({ page, campaign }) => {
  const countRequest = page.waitForRequest((r) => r.url().endsWith(`/api/campaigns/${campaign.slug}/count`));
  const response = await page.goto(`/en/c/${campaign.slug}`);
  const csp = response!.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  await countRequest;
  // Each view gets its own nonce.
  const again = await page.request.get(`/en/c/${campaign.slug}`);
  expect(again.headers()["content-security-policy"]).not.toContain(nonce);
});

test("another site cannot frame a page, but may frame the count", async ({ page, campaign, baseURL, cspViolations }) => {
  const partner = "http://partner.example/";
  await page.route(partner, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>Partner</title>
        <iframe name="page" src="${baseURL}/en/c/${campaign.slug}"></iframe>
        <iframe name="count" src="${baseURL}/api/campaigns/${campaign.slug}/count"></iframe>`,
    }),
  );
  await page.goto(partner);
  await expect(page.frameLocator('iframe[name="count"]').locator("body")).toContainText('"confirmed":0');
  await expect.poll(() => cspViolations.some((v) => v.includes("frame-ancestors 'none'"))).toBe(true);
  await expect(page.frameLocator('iframe[name="page"]').getByRole("heading", { level: 1 })).toHaveCount(0);
  cspViolations.splice(0);
});

test("the dev mailbox shows an email's HTML in a sandboxed frame with its styles", async ({ page, campaign }) => {
  const email = `mailbox-${randomUUID().slice(0, 8)}@example.test`;
  const res = await page.request.post(`/api/campaigns/${campaign.slug}/signatures`, { data: { name: "Kim Test", email, country: "DE", locale: "en" } });
  expect(res.status()).toBe(202);
  await openMail(page, email, /Confirm your signature/);
  const button = page.frameLocator("iframe.mail-html").getByRole("link", { name: "Confirm my signature" });
  await expect(button).toBeVisible();
  // The email's inline style applied: the button's background is the one the template sets.
  await expect(button).toHaveCSS("background-color", "rgb(29, 78, 216)");
});
