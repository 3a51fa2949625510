// What a visitor's phone does while a public page starts: it fetches nothing ahead of a click (no prefetched pages:
// the links are plain, and the next page comes whole from the page cache), and it sets up no Intl formatter (the
// first one costs 30–50 ms on a phone-class CPU); numbers and dates come as the server wrote them until they change.
import type { Page, Request } from "@playwright/test";
import { flagshipCampaign } from "../../prisma/seed-data/flagship";
import { expect, test } from "./fixtures";

/** Counts each Intl formatter the page makes, from before its first script runs. */
async function countIntlFormatters(page: Page) {
  await page.addInitScript(() => {
    const made: Record<string, number> = {};
    (window as unknown as { intlMade: Record<string, number> }).intlMade = made;
    for (const name of ["NumberFormat", "PluralRules", "DateTimeFormat", "RelativeTimeFormat", "ListFormat"] as const) {
      const Original = Intl[name] as unknown as new (...args: unknown[]) => object;
      const Counted = new Proxy(Original, {
        construct(target, args) {
          made[name] = (made[name] ?? 0) + 1;
          return Reflect.construct(target, args);
        },
        apply(target, self, args) {
          made[name] = (made[name] ?? 0) + 1;
          return Reflect.apply(target as unknown as (...a: unknown[]) => object, self, args);
        },
      });
      Object.defineProperty(Intl, name, { value: Counted, configurable: true, writable: true });
    }
  });
  return () => page.evaluate(() => (window as unknown as { intlMade: Record<string, number> }).intlMade);
}

/** The addresses the page fetches as Next's router payloads (a prefetch or a soft navigation), as they happen. */
function watchPrefetches(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request: Request) => {
    const headers = request.headers();
    if (request.url().includes("_rsc=") || headers["rsc"] === "1" || headers["next-router-prefetch"])
      seen.push(request.url());
  });
  return seen;
}

test("a campaign page starts without prefetching pages or setting up Intl; a link opens the next page whole", async ({
  page,
  campaign,
}) => {
  const intlMade = await countIntlFormatters(page);
  const prefetches = watchPrefetches(page);

  await page.goto(`/ko/c/${campaign.slug}`);
  await expect(page.getByTestId("confirmed-count")).toHaveText("첫 번째 서명자가 되어 주세요");
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("comment-count")).toHaveText("1,000자 중 0자");
  expect(await intlMade()).toEqual({});
  expect(prefetches).toEqual([]);

  // Typing formats the count in the browser: the probe above sees formatters when there are any.
  await page.getByLabel(/서명하는 이유/).fill("함께합니다");
  await expect(page.getByTestId("comment-count")).toHaveText("1,000자 중 5자");
  expect(Object.keys(await intlMade()).length).toBeGreaterThan(0);

  const write = page.waitForRequest((request) => request.url().endsWith(`/ko/c/${campaign.slug}/write`));
  await page.getByRole("link", { name: "직접 편지 쓰기" }).click();
  expect((await write).isNavigationRequest()).toBe(true);
  await expect(page).toHaveURL(`/ko/c/${campaign.slug}/write`);
  expect(prefetches).toEqual([]);
});

test("the thank-you step starts without prefetching pages or setting up Intl", async ({ page, campaign }) => {
  const intlMade = await countIntlFormatters(page);
  const prefetches = watchPrefetches(page);

  await page.goto(`/en/c/${campaign.slug}/thanks?after=confirmed`);
  await expect(page.getByTestId("action-result")).toBeVisible();
  await expect(page.getByTestId("copy-link")).toHaveRole("button");
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("confirmed-count")).toHaveText("Be the first to co-sign");
  expect(await intlMade()).toEqual({});
  expect(prefetches).toEqual([]);
});

test("the flagship's long page starts with its countdown and sign form, and no Intl formatter", async ({ page }) => {
  const intlMade = await countIntlFormatters(page);
  await page.goto(`/ko/c/${flagshipCampaign.slug}`);
  await expect(page.getByTestId("countdown")).toHaveText(/^마감: .+2018년 6월 12일/);
  await expect(page.getByTestId("comment-count")).toHaveText("1,000자 중 0자");
  await page.waitForLoadState("networkidle");
  expect(await intlMade()).toEqual({});
});
