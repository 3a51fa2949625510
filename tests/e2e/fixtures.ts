import { randomUUID } from "node:crypto";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import pg from "pg";
import { e2eDatabaseUrl } from "../../playwright.config";
import { flagshipCampaign } from "../../prisma/seed-data/flagship";

/** One statement on the app's database, for a test that sets up or reads its own rows. */
export async function query<T extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** A campaign of the test's own, written straight to the app's database. */
async function createCampaign(): Promise<{ slug: string; titles: { en: string; ko: string } }> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl });
  await client.connect();
  try {
    const suffix = randomUUID().slice(0, 8);
    const orgId = randomUUID();
    const campaignId = randomUUID();
    const titles = { en: `Free the camps ${suffix}`, ko: `수용소 해체 ${suffix}` };
    await client.query(`INSERT INTO organization (id, slug, name) VALUES ($1, $2, $3)`, [
      orgId,
      `e2e-${suffix}`,
      `E2E Coalition ${suffix}`,
    ]);
    await client.query(
      `INSERT INTO campaign (id, organization_id, slug, status, goal, target_email, updated_at) VALUES ($1, $2, $3, 'open', 200, 'target@example.test', now())`,
      [campaignId, orgId, `e2e-${suffix}`],
    );
    for (const [locale, title, letter, target] of [
      ["en", titles.en, "Dear Mr. President,\n\nPlease raise the prison camps.", "The President of the United States"],
      ["ko", titles.ko, "대통령님께,\n\n정치범수용소 문제를 제기해 주십시오.", "미국 대통령"],
    ] as const) {
      await client.query(
        `INSERT INTO campaign_translation (campaign_id, locale, title, summary, context, letter, sources, target_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [campaignId, locale, title, `${title} summary`, "Context paragraph.", letter, "Source line", target],
      );
    }
    // The letter composer's topics: the flagship campaign's seven, in both languages.
    for (const [position, topic] of flagshipCampaign.topics.entries()) {
      const topicId = randomUUID();
      await client.query(`INSERT INTO campaign_topic (id, campaign_id, key, position) VALUES ($1, $2, $3, $4)`, [
        topicId,
        campaignId,
        topic.key,
        position,
      ]);
      for (const locale of ["en", "ko"] as const) {
        const t = topic.texts[locale];
        await client.query(
          `INSERT INTO campaign_topic_translation (topic_id, locale, title, fact, ask, source, paragraph) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [topicId, locale, t.title, t.fact, t.ask, t.source, t.paragraph],
        );
      }
    }
    return { slug: `e2e-${suffix}`, titles };
  } finally {
    await client.end();
  }
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Opens the newest message to `email` in the local mailbox and returns its plain text. */
export async function openMail(page: Page, email: string, subject: RegExp): Promise<string> {
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(page.getByRole("row").filter({ hasText: email }).filter({ hasText: subject }).first()).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 30_000 });
  await page.getByRole("row").filter({ hasText: email }).filter({ hasText: subject }).first().getByRole("link").click();
  return (await page.locator("pre.mail-text").textContent()) ?? "";
}

/** SIGN_MIN_SECONDS of the browser tests' server (tests/e2e/serve.ts): a sign form sent back sooner is suspected. */
export const signMinSeconds = 2;
/** The browser-test server's burst window for one address (RATE_IP_BURST_SECONDS in serve.ts). */
export const burstSeconds = 2;

/**
 * Waits until the form token on the page is older than the sign form's minimum time, as it would be after a person
 * typed. Only for what cannot wait by itself: a form sent without JavaScript, or a script posting to the API.
 */
export async function waitOutSignMinimum(page: Page): Promise<void> {
  const token = await page.locator('input[name="formToken"]').first().inputValue();
  const issuedAt = parseInt(token.split(".")[0]!, 36);
  const rest = issuedAt + signMinSeconds * 1000 + 200 - Date.now();
  if (rest > 0) await page.waitForTimeout(rest);
}

/** The form token a page renders into its form, as a script posting to the API would have to fetch it. */
export async function formTokenOf(page: Page, path: string): Promise<string> {
  await page.goto(path);
  await waitOutSignMinimum(page);
  return page.locator('input[name="formToken"]').first().inputValue();
}

export function linkIn(text: string, path: RegExp): string {
  const match = text.match(new RegExp(`https?://[^\\s]+${path.source}[^\\s]*`));
  if (!match) throw new Error(`no link matching ${path} in:\n${text}`);
  return match[0];
}

/** Every Content-Security-Policy violation in a browser context: Chromium's console report, and the DOM event. */
async function watchCspViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  context.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|securitypolicyviolation/i.test(text))
      violations.push(`${message.location().url}: ${text}`);
  });
  // Added through the DevTools protocol, so the page's own CSP does not apply to this script.
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(
        `securitypolicyviolation: ${e.effectiveDirective} refused ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  return violations;
}

export const test = base.extend<{ campaign: Awaited<ReturnType<typeof createCampaign>>; cspViolations: string[] }>({
  // Any CSP violation fails the test that caused it: a page whose scripts lost their nonce, a style attribute, a
  // third-party request. Hydration failing quietly under the policy must not pass for progressive enhancement.
  // A test that causes one on purpose takes it out of the list.
  cspViolations: [
    async ({ context }, provide) => {
      const violations = await watchCspViolations(context);
      await provide(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
  campaign: async ({}, provide) => {
    await provide(await createCampaign());
  },
});
export { expect };
