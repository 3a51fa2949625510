// The thank-you step: after signing, after confirming and after a letter, a supporter can copy the campaign's link
// or share it through plain links, each carrying its own source code; Korean pages put KakaoTalk first.
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import pg from "pg";
import { e2eDatabaseUrl } from "../../playwright.config";
import { flagshipCampaign } from "../../prisma/seed-data/flagship";
import { expect, expectNoAxeViolations, linkIn, openMail, test } from "./fixtures";

const networks = ["x", "facebook", "whatsapp", "telegram", "line", "email"];

test("after signing, the thank-you step copies the link and shares it with a source code per button", async ({
  page,
  context,
  campaign,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const email = `share-${randomUUID().slice(0, 8)}@example.test`;
  await page.goto(`/en/c/${campaign.slug}?source=newsletter`);
  await page.getByLabel("Full name", { exact: true }).fill("Sam Sharer");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel(/State/).selectOption("NY");
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await expect(page.getByTestId("sign-success")).toContainText(email);

  const panel = page.getByTestId("share-panel");
  await expect(panel.getByRole("heading", { name: "Help the letter grow" })).toBeVisible();
  await expect(panel.getByTestId("share-count")).toHaveText("0 of 200 confirmed signatures so far");
  const campaignUrl = `${baseURL}/en/c/${campaign.slug}`;
  for (const network of networks) {
    const href = await panel.locator(`a[data-network="${network}"]`).getAttribute("href");
    expect(decodeURIComponent(href!)).toContain(`${campaignUrl}?source=share-${network}`);
  }
  // Plain links only: KakaoTalk comes last in English, as a copy button.
  await expect(panel.getByRole("listitem").last()).toHaveText("Email");
  await expect(panel.getByRole("link", { name: "Write your own letter" })).toHaveAttribute(
    "href",
    `/en/c/${campaign.slug}/write`,
  );
  await expectNoAxeViolations(page);

  await panel.getByTestId("copy-link").click();
  await expect(panel.getByTestId("copy-link")).toHaveText("Link copied");
  await expect(panel.getByRole("status").filter({ hasText: "Link copied" })).toHaveCount(1);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${campaignUrl}?source=share-copy`);
  await panel.getByTestId("copy-kakao").click();
  await expect(panel.getByTestId("copy-kakao")).toHaveText("Link copied: paste it into a KakaoTalk chat");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${campaignUrl}?source=share-kakao`);
  await expectNoAxeViolations(page);

  // The confirmation email asks to share, with the link counted under "email"; confirming leads to the thank-you page.
  const mail = await openMail(page, email, /Confirm your signature/);
  expect(mail).toContain(`Ask others to co-sign too: ${campaignUrl}?source=email`);
  await page.goto(linkIn(mail, /\/en\/confirm\//));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page).toHaveURL(`${campaignUrl}/thanks?after=confirmed`);
  await expect(page.getByTestId("action-result")).toHaveText("Thank you. Your signature is confirmed and counted.");
  await expect(page.getByTestId("confirmed-count")).toHaveText("1 confirmed signature");
  await expect(page.getByTestId("share-panel").locator('a[data-network="whatsapp"]')).toBeVisible();
  await expectNoAxeViolations(page);

  // The signature keeps the code of the link the signer came by.
  const db = new pg.Client({ connectionString: e2eDatabaseUrl });
  await db.connect();
  const { rows } = await db.query(`SELECT source FROM signature WHERE email = $1`, [email]).finally(() => db.end());
  expect(rows).toEqual([{ source: "newsletter" }]);
});

test("Korean pages put KakaoTalk first, and a letter's thank-you step asks to co-sign", async ({ page, campaign }) => {
  await page.goto(`/ko/c/${campaign.slug}/thanks?after=letter`);
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  const panel = page.getByTestId("share-panel");
  await expect(panel.getByRole("listitem").first()).toHaveText("카카오톡: 링크 복사");
  await expect(panel.getByRole("link", { name: "공개서한에 함께 서명하기" })).toHaveAttribute(
    "href",
    `/ko/c/${campaign.slug}#sign`,
  );
  await expectNoAxeViolations(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the thank-you step's links work as plain links", async ({ page, campaign }) => {
    await page.goto(`/en/c/${campaign.slug}`);
    await page.getByLabel("Full name", { exact: true }).fill("No Script");
    await page.getByLabel("Email address", { exact: true }).fill(`nojs-share-${randomUUID().slice(0, 8)}@example.test`);
    await page.getByLabel(/State/).selectOption("TX");
    await page.getByRole("button", { name: "Sign the letter" }).click();
    const panel = page.getByTestId("share-panel");
    await expect(panel.getByRole("link", { name: "Copy link", exact: true })).toHaveAttribute(
      "href",
      new RegExp(`/en/c/${campaign.slug}\\?source=share-copy$`),
    );
    await expect(panel.locator('a[data-network="telegram"]')).toHaveAttribute("href", /^https:\/\/t\.me\/share\/url\?/);
  });
});

test("the home page shows each campaign's count and goal", async ({ page, campaign }) => {
  await page.goto("/en");
  const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: campaign.titles.en }) });
  await expect(item.getByTestId("home-count")).toHaveText("0 of 200 confirmed signatures");
  await page.goto("/ko");
  const itemKo = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: campaign.titles.ko }) });
  await expect(itemKo.getByTestId("home-count")).toHaveText("확인된 서명 0명 · 목표 200명");
  await expectNoAxeViolations(page);
});

test("the flagship campaign's sources are links, in both languages", async ({ page }) => {
  for (const locale of ["en", "ko"]) {
    await page.goto(`/${locale}/c/${flagshipCampaign.slug}`);
    const report = page.locator(".sources").getByRole("link", { name: "https://undocs.org/A/HRC/25/CRP.1" });
    await expect(report).toHaveAttribute("href", "https://undocs.org/A/HRC/25/CRP.1");
    await expect(report).toHaveAttribute("rel", "noopener noreferrer");
  }
  await expectNoAxeViolations(page);
});

test("link previews: Open Graph and Twitter tags in the page's language, with a 1200×630 PNG", async ({
  page,
  campaign,
}) => {
  for (const locale of ["en", "ko"] as const) {
    const title = campaign.titles[locale];
    let image = "";
    for (const path of [`/c/${campaign.slug}`, `/c/${campaign.slug}/write`, `/c/${campaign.slug}/thanks`]) {
      await page.goto(`/${locale}${path}`);
      const meta = (key: string) => page.locator(`meta[property="${key}"], meta[name="${key}"]`).first();
      await expect(meta("og:title")).toHaveAttribute("content", new RegExp(title));
      await expect(meta("og:description")).toHaveAttribute("content", `${title} summary`);
      await expect(meta("og:locale")).toHaveAttribute("content", locale === "ko" ? "ko_KR" : "en_US");
      await expect(meta("og:image:width")).toHaveAttribute("content", "1200");
      await expect(meta("og:image:height")).toHaveAttribute("content", "630");
      await expect(meta("twitter:card")).toHaveAttribute("content", "summary_large_image");
      image = (await meta("og:image").getAttribute("content"))!;
      expect(image).toContain(`/api/campaigns/${campaign.slug}/preview-image?lang=${locale}&v=`);
      await expect(meta("twitter:image")).toHaveAttribute("content", image);
    }
    const res = await page.request.get(image);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("image/png");
    expect(res.headers()["cache-control"]).toContain("max-age=86400");
    const png = await res.body();
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    if (process.env.PREVIEW_IMAGE_DIR) writeFileSync(`${process.env.PREVIEW_IMAGE_DIR}/e2e-${locale}.png`, png);
  }
});
