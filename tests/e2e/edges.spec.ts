// The rough edges a first-time visitor met (issue 19), each checked the way they met it: what the browser renders
// (border colours, sizes, what fits in a frame), what survives a language switch, and every page's title, with axe.
import { randomUUID } from "node:crypto";
import { embedSizes } from "../../lib/campaigns/embed-sizes";
import { expect, expectNoAxeViolations, test } from "./fixtures";

const danger = "rgb(185, 28, 28)"; // --danger in app/globals.css

test("every invalid field shows the error style, and a non-Latin address before @ is explained", async ({
  page,
  campaign,
}) => {
  await page.goto(`/en/c/${campaign.slug}`);
  await page.getByLabel("Email address", { exact: true }).fill("홍길동@example.com");
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await expect(page.getByTestId("error-summary")).toBeVisible();
  for (const field of [
    page.getByLabel("Full name", { exact: true }),
    page.getByLabel("Email address", { exact: true }),
    page.getByLabel(/^State/),
  ]) {
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveCSS("border-top-color", danger);
    await expect(field).toHaveCSS("border-top-width", "2px");
  }
  await expect(page.getByLabel("Email address", { exact: true })).toHaveAccessibleDescription(
    /The part before @ can only have Latin letters/,
  );
  await expectNoAxeViolations(page);

  await page.goto(`/ko/c/${campaign.slug}`);
  await page.getByLabel("이메일 주소", { exact: true }).fill("홍길동@example.com");
  await page.getByRole("button", { name: "서명하기" }).click();
  await expect(page.getByLabel("이메일 주소", { exact: true })).toHaveAccessibleDescription(
    /@ 앞부분에는 영문\(a–z\), 숫자와/,
  );
  await expect(page.getByLabel("이름", { exact: true })).toHaveCSS("border-top-color", danger);
});

test("what a signer typed survives switching the page's language, and is forgotten once they have signed", async ({
  page,
  campaign,
}) => {
  const email = `switch-${randomUUID().slice(0, 8)}@example.test`;
  await page.goto(`/en/c/${campaign.slug}`);
  await page.getByLabel("Full name", { exact: true }).fill("Jane Doe");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel("Country", { exact: true }).selectOption("DE");
  await page.getByLabel(/^State, province or region/).fill("Berlin");
  await page.getByLabel(/^Postal code/).fill("10115");
  await page.getByLabel(/^Why are you signing/).fill("For my grandmother.");
  await page.getByLabel("Show my name publicly as a signer").check();

  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "한국어" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByLabel("이름", { exact: true })).toHaveValue("Jane Doe");
  await expect(page.getByLabel("이메일 주소", { exact: true })).toHaveValue(email);
  await expect(page.getByLabel("국가", { exact: true })).toHaveValue("DE");
  await expect(page.getByLabel(/^주·도 또는 지역/)).toHaveValue("Berlin");
  await expect(page.getByLabel(/^우편번호/)).toHaveValue("10115");
  await expect(page.getByLabel(/^서명하는 이유/)).toHaveValue("For my grandmother.");
  await expect(page.getByLabel("서명자 명단에 내 이름 공개")).toBeChecked();
  await expectNoAxeViolations(page);

  // And back, after a change made in Korean.
  await page.getByLabel("이름", { exact: true }).fill("제인 도");
  await page.getByRole("navigation", { name: "언어" }).getByRole("link", { name: "English" }).click();
  await expect(page.getByLabel("Full name", { exact: true })).toHaveValue("제인 도");

  await page.getByRole("button", { name: "Sign the letter" }).click();
  await expect(page.getByTestId("sign-success")).toContainText(email);
  await page.goto(`/ko/c/${campaign.slug}`);
  await expect(page.getByLabel("이름", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("이메일 주소", { exact: true })).toHaveValue("");
});

test("a 5,000-character comment is kept whole, counted live, and refused with the server's message", async ({
  page,
  campaign,
}) => {
  await page.goto(`/en/c/${campaign.slug}`);
  const comment = page.getByLabel(/^Why are you signing/);
  await expect(page.getByTestId("comment-count")).toHaveText("0 of 1,000 characters");
  await comment.fill("a".repeat(5000));
  await expect(comment).toHaveValue("a".repeat(5000));
  await expect(page.getByTestId("comment-count")).toHaveText("5,000 of 1,000 characters: 4,000 characters too many");
  // Said to screen readers once typing pauses, not on every key.
  await expect(page.getByTestId("comment-count-live")).toHaveAttribute("aria-live", "polite");
  await expect(page.getByTestId("comment-count-live")).toHaveText(
    "5,000 of 1,000 characters: 4,000 characters too many",
  );
  await page.getByLabel("Full name", { exact: true }).fill("Jane Doe");
  await page.getByLabel("Email address", { exact: true }).fill(`long-${randomUUID().slice(0, 8)}@example.test`);
  await page.getByLabel(/^State/).selectOption("NY");
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await expect(comment).toHaveAttribute("aria-invalid", "true");
  await expect(comment).toHaveAccessibleDescription(/This is too long\./);
  await expect(comment).toHaveCSS("border-top-color", danger);
  await expect(page.getByTestId("sign-success")).toHaveCount(0);
  await expectNoAxeViolations(page);

  await comment.fill("a".repeat(1000));
  await expect(page.getByTestId("comment-count")).toHaveText("1,000 of 1,000 characters");
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await expect(page.getByTestId("sign-success")).toBeVisible();
});

for (const locale of ["en", "ko"] as const) {
  test(`the count widget fits a ${embedSizes.compact.width}×${embedSizes.compact.height} frame, button included (${locale})`, async ({
    page,
    campaign,
  }, testInfo) => {
    const { width, height } = embedSizes.compact;
    await page.setViewportSize({ width, height });
    await page.goto(`/embed/${locale}/${campaign.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(campaign.titles[locale]);
    const button = page.getByRole("link", {
      name: locale === "en" ? "Co-sign the letter" : "공개서한에 함께 서명하기",
    });
    const box = (await button.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(box.y + box.height).toBeLessThanOrEqual(height);
    // Nothing scrolls: the frame shows everything there is.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(height);
    await page.screenshot({ path: testInfo.outputPath(`widget-${locale}-${width}x${height}.png`) });
    await expectNoAxeViolations(page);

    const full = embedSizes.full;
    await page.setViewportSize(full);
    const fullBox = (await button.boundingBox())!;
    expect(fullBox.y + fullBox.height).toBeLessThanOrEqual(full.height);
    await page.screenshot({ path: testInfo.outputPath(`widget-${locale}-${full.width}x${full.height}.png`) });
  });
}

test("every page has its own title in both languages, and passes axe (404 and token pages included)", async ({
  page,
  campaign,
}) => {
  const titles: [string, string][] = [
    ["/en", "Campaigns · Open Letters"],
    ["/ko", "캠페인 · 오픈 레터스"],
    [`/en/c/${campaign.slug}`, `${campaign.titles.en} · Open Letters`],
    [`/ko/c/${campaign.slug}`, `${campaign.titles.ko} · 오픈 레터스`],
    ["/en/confirm/not-a-token", "Confirm your signature · Open Letters"],
    ["/ko/confirm/not-a-token", "서명 확인 · 오픈 레터스"],
    ["/en/withdraw/not-a-token", "Withdraw your signature · Open Letters"],
    ["/ko/withdraw/not-a-token", "서명 철회 · 오픈 레터스"],
    ["/en/letters/confirm/not-a-token", /· Open Letters$/],
    ["/ko/letters/confirm/not-a-token", /· 오픈 레터스$/],
    ["/en/letters/withdraw/not-a-token", /· Open Letters$/],
    ["/ko/letters/withdraw/not-a-token", /· 오픈 레터스$/],
    ["/en/c/no-such-campaign", "Page not found · Open Letters"],
    ["/ko/c/no-such-campaign", "페이지를 찾을 수 없습니다 · 오픈 레터스"],
    // Outside any language: the English name (the page says it in both).
    ["/no-such-page", /^Page not found/],
    ["/en/admin/sign-in", /· Open Letters$/],
    ["/ko/admin/sign-in", /· 오픈 레터스$/],
    [`/en/verify`, /· Open Letters$/],
    [`/ko/c/${campaign.slug}/write`, new RegExp(`${campaign.titles.ko} · 오픈 레터스$`)],
    ["/en/c/no-such-campaign/write", "Page not found · Open Letters"],
    ["/embed/en/no-such-campaign", /^Page not found/],
  ] as unknown as [string, string][];
  for (const [path, title] of titles) {
    await page.goto(path);
    await expect(page, path).toHaveTitle(title);
    expect(await page.title(), path).not.toMatch(/^(Open Letters|오픈 레터스)$/);
    await expectNoAxeViolations(page);
  }
});

test("the page head carries an SVG icon and an apple-touch icon", async ({ page, campaign }) => {
  await page.goto(`/en/c/${campaign.slug}`);
  const icon = page.locator('head link[rel="icon"][type="image/svg+xml"]');
  const apple = page.locator('head link[rel="apple-touch-icon"]');
  await expect(icon).toHaveCount(1);
  await expect(apple).toHaveCount(1);
  const svg = await page.request.get((await icon.getAttribute("href"))!);
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
  const png = await page.request.get((await apple.getAttribute("href"))!);
  expect(png.status()).toBe(200);
  expect(png.headers()["content-type"]).toContain("image/png");
  expect((await png.body()).subarray(1, 4).toString()).toBe("PNG");
});
