// The Content-Security-Policy as a browser applies it: the violation guard in fixtures.ts really catches violations,
// pages hydrate with their nonce, other sites cannot frame pages but may frame the count and its widget, and the dev
// mailbox shows an email's HTML (inline styles and all) under a policy of its own. A server action another site
// starts answers 403, an oversized one 413, and the sign form still works from this site with and without JavaScript.
import { randomUUID } from "node:crypto";
import { flagshipCampaign } from "../../prisma/seed-data/flagship";
import { expect, expectNoAxeViolations, formTokenOf, openMail, test } from "./fixtures";

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

test("a server action another site starts is refused (403), an oversized one too (413); ours still signs", async ({
  page,
  browser,
  baseURL,
  campaign,
}) => {
  await page.goto(`/en/c/${campaign.slug}`);
  // The form's own call, as the browser makes it with JavaScript.
  const call = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await page.getByLabel("Full name", { exact: true }).fill("Action Test");
  await page.getByLabel("Email address", { exact: true }).fill(`action-${randomUUID().slice(0, 8)}@example.test`);
  await page.getByLabel(/State/).selectOption("TX");
  await page.getByRole("button", { name: "Sign the letter" }).click();
  const request = await call;
  await expect(page.getByTestId("sign-success")).toBeVisible();
  await expectNoAxeViolations(page);

  // The same call replayed from another site, and with a body over the limit: refused before the action runs.
  const headers = { ...(await request.allHeaders()) };
  for (const name of ["content-length", "host", "cookie"]) delete headers[name];
  const foreign = await page.request.post(request.url(), {
    headers: { ...headers, origin: "https://evil.example" },
    data: request.postDataBuffer()!,
  });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error.code).toBe("cross_site_request");
  const oversized = await page.request.post(request.url(), {
    headers: { ...headers, origin: new URL(baseURL!).origin },
    data: Buffer.alloc(1024 * 1024 + 1, "x"),
  });
  expect(oversized.status()).toBe(413);
  expect((await oversized.json()).error.code).toBe("payload_too_large");

  // Without JavaScript the form posts itself from this site, and still signs.
  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const plain = await noScript.newPage();
  const email = `nojs-action-${randomUUID().slice(0, 8)}@example.test`;
  await plain.goto(`/en/c/${campaign.slug}`);
  await plain.getByLabel("Full name", { exact: true }).fill("No Script");
  await plain.getByLabel("Email address", { exact: true }).fill(email);
  await plain.getByLabel(/State/).selectOption("TX");
  await plain.getByRole("button", { name: "Sign the letter" }).click();
  await expect(plain.getByTestId("sign-success")).toContainText(email);
  await noScript.close();
});

test("Korean reads as written by a person: the organization's Korean name, the particle it takes, one kind of quotes", async ({
  page,
}) => {
  const shots = process.env.SCREENSHOT_DIR;
  await page.goto(`/ko/c/${flagshipCampaign.slug}`);
  await expect(page.getByText("주최: 오픈 레터스 시범 연대")).toBeVisible();
  await expectNoAxeViolations(page);
  if (shots) await page.screenshot({ path: `${shots}/campaign-ko.png`, fullPage: true });

  const email = `korean-${randomUUID().slice(0, 8)}@example.test`;
  await page.getByLabel("이름", { exact: true }).fill("김하나");
  await page.getByLabel("이메일 주소", { exact: true }).fill(email);
  await page.getByLabel("국가", { exact: true }).selectOption("KR");
  await page.getByLabel(/^시·도/).selectOption({ label: "서울특별시" });
  await page.getByRole("button", { name: "서명하기" }).click();
  await expect(page.getByTestId("sign-success")).toContainText(`${email} 주소로 확인 링크를 보냈습니다.`);

  const text = await openMail(page, email, /서명을 확인해 주세요/);
  expect(text).toContain("김하나 님, 안녕하세요.");
  expect(text).toContain("— 오픈 레터스 시범 연대를 대신하여 오픈 레터스 드림");
  expect(text).toMatch(/“[^”]+”/);
  expect(text).not.toMatch(/[「」]|\((으|을|를|이|가)\)/);
  const html = page.frameLocator("iframe.mail-html");
  await expect(html.getByRole("link", { name: "서명 확인하기" })).toBeVisible();
  if (shots) {
    // The email's HTML on its own, as a mail reader would show it.
    await page.goto((await page.locator("iframe.mail-html").getAttribute("src"))!);
    await page.setViewportSize({ width: 700, height: 900 });
    await page.screenshot({ path: `${shots}/email-ko.png`, fullPage: true });
  }
});
