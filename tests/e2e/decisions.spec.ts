// Decisions an organizer cannot simply take back: closing asks first and says when personal data will be erased;
// a held letter is rejected (its writer's co-signature struck too) on the same confirm step without JavaScript; a
// changed address keeps working, answering the old page, widget, count and preview image with a permanent redirect.
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, query, test } from "./fixtures";

const password = "e2e decisions password";
const day = 86_400_000;
const longDay = (ms: number) =>
  new Intl.DateTimeFormat("en", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(ms);

/** An organization of the test's own with an owner, and an open campaign with a held letter from a co-signer. */
async function setup() {
  const suffix = randomUUID().slice(0, 8);
  const [orgId, userId, campaignId, letterId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const email = `decider-${suffix}@example.test`;
  const slug = `decide-${suffix}`;
  await query(`INSERT INTO organization (id, slug, name) VALUES ($1, $2, $3)`, [
    orgId,
    `dec-${suffix}`,
    `Org ${suffix}`,
  ]);
  await query(`INSERT INTO "user" (id, name, email, email_verified) VALUES ($1, 'Decider', $2, true)`, [userId, email]);
  await query(
    `INSERT INTO account (id, account_id, provider_id, user_id, password) VALUES ($1, $2, 'credential', $2, $3)`,
    [randomUUID(), userId, await hashPassword(password)],
  );
  await query(`INSERT INTO member (id, organization_id, user_id, role) VALUES ($1, $2, $3, 'owner')`, [
    randomUUID(),
    orgId,
    userId,
  ]);
  await query(
    `INSERT INTO campaign (id, organization_id, slug, status, goal, target_email, updated_at)
     VALUES ($1, $2, $3, 'open', 100, 'target@example.test', now())`,
    [campaignId, orgId, slug],
  );
  for (const [locale, title] of [
    ["en", `Decide ${suffix}`],
    ["ko", `결정 ${suffix}`],
  ]) {
    await query(
      `INSERT INTO campaign_translation (campaign_id, locale, title, summary, target_name, context, letter)
       VALUES ($1, $2, $3, 'Summary', 'The Minister', 'Context', 'Dear Minister')`,
      [campaignId, locale, title],
    );
  }
  const writer = `writer-${suffix}@example.test`;
  await query(
    `INSERT INTO letter (id, campaign_id, email, email_key, name, country, subject, body, language, locale, status,
                         held_reason, confirmed_at, also_sign)
     VALUES ($1, $2, $3, $3, 'Held Writer', 'KR', $4, 'Please read http://a.example', 'en', 'en', 'held', 'links',
             now(), true)`,
    [letterId, campaignId, writer, `Held letter ${suffix}`],
  );
  await query(
    `INSERT INTO signature (id, campaign_id, email, email_key, name, country, locale, status, confirmed_at)
     VALUES ($1, $2, $3, $3, 'Held Writer', 'KR', 'en', 'confirmed', now())`,
    [randomUUID(), campaignId, writer],
  );
  await query(`INSERT INTO campaign_count_shard (campaign_id, shard, confirmed) VALUES ($1, 0, 1)`, [campaignId]);
  return { email, slug, campaignId, letterId, writer, suffix };
}

async function signIn(page: Page, email: string) {
  await page.goto("/en/admin/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organizer dashboard" })).toBeVisible();
}

test("closing asks to confirm and says the date personal data will be erased", async ({ page }) => {
  const { email, campaignId, slug } = await setup();
  await signIn(page, email);
  await page.goto(`/en/admin/campaigns/${campaignId}`);
  const before = Date.now();
  await page.getByRole("link", { name: "Close the campaign" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Close this campaign?" })).toBeVisible();
  const after = Date.now();
  // The date is the retention period (RETENTION_DAYS_AFTER_CLOSE, 90 days) after now; "now" is a moment of this test.
  const dates = [longDay(before + 90 * day), longDay(after + 90 * day)];
  const consequences = page.getByTestId("close-consequences");
  await expect(consequences).toContainText(new RegExp(`will be erased on (${dates.join("|")})`));
  await expect(consequences.getByRole("link", { name: "Export signers (CSV)" })).toBeVisible();
  await expect(consequences.getByRole("link", { name: "Export letters (CSV)" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Nothing happens without the tick.
  await page.getByRole("button", { name: "Close the campaign" }).click();
  expect((await query<{ status: string }>(`SELECT status FROM campaign WHERE id = $1`, [campaignId]))[0]!.status).toBe(
    "open",
  );
  // Cancel goes back and leaves the campaign open.
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page.getByRole("link", { name: "Close the campaign" })).toBeVisible();

  await page.getByRole("link", { name: "Close the campaign" }).click();
  await page.getByLabel("I have read what happens and want to go ahead").check();
  await page.getByRole("button", { name: "Close the campaign" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The campaign is closed." })).toBeVisible();
  await expect(page.getByTestId("closed-note")).toContainText(`Closed by ${email}`);
  await expect(page.getByTestId("closed-note")).toContainText(
    new RegExp(`Personal data will be erased on (${dates.join("|")})`),
  );
  await expect(page.getByTestId("decisions")).toContainText(`Closed the campaign: ${slug}`);
  const [audit] = await query<{ actor_email: string }>(
    `SELECT actor_email FROM audit_event WHERE action = 'campaign.closed' AND target_id = $1`,
    [campaignId],
  );
  expect(audit!.actor_email).toBe(email);
});

test("changing the address asks first; then the old page, widget, count and preview image redirect", async ({
  page,
}) => {
  const { email, campaignId, slug, suffix } = await setup();
  await signIn(page, email);
  await page.goto(`/en/admin/campaigns/${campaignId}/edit`);
  const renamed = `moved-${suffix}`;
  await page.getByLabel("Web address (slug)").fill(renamed);
  const confirm = page.getByLabel(/Yes, change the address/);
  await expect(page.getByText(/Yes, change the address/)).toContainText(slug);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#f-slug-error")).toContainText("confirm it below the field");
  await confirm.check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("decisions")).toContainText(`Changed the address: ${slug} → ${renamed}`);

  // The old page follows to the new one, with the link's source kept.
  await page.goto(`/en/c/${slug}?source=newsletter`);
  await expect(page).toHaveURL(new RegExp(`/en/c/${renamed}\\?source=newsletter$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Decide ${suffix}`);
  for (const [from, to] of [
    [`/en/c/${slug}`, `/en/c/${renamed}`],
    [`/embed/ko/${slug}`, `/embed/ko/${renamed}`],
    [`/api/campaigns/${slug}/count`, `/api/campaigns/${renamed}/count`],
    [`/api/campaigns/${slug}/preview-image?lang=en&v=1`, `/api/campaigns/${renamed}/preview-image?lang=en&v=1`],
  ]) {
    const res = await page.request.get(from!, { maxRedirects: 0 });
    expect(res.status(), from).toBe(308);
    const location = new URL(res.headers()["location"]!, "http://localhost");
    expect(location.pathname + location.search).toBe(to);
  }
  const count = await page.request.get(`/api/campaigns/${slug}/count`);
  expect(await count.json()).toEqual({ confirmed: 1, goal: 100 });
});

test("without JavaScript, a held letter is rejected on the confirm step, its writer's co-signature struck too", async ({
  page,
  browser,
}) => {
  const { email, campaignId, letterId, suffix } = await setup();
  await signIn(page, email);
  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
    baseURL: test.info().project.use.baseURL,
  });
  const plain = await noScript.newPage();
  await plain.goto(`/en/admin/campaigns/${campaignId}`);
  await plain.getByRole("link", { name: "Reject" }).click();
  await expect(plain.getByRole("heading", { level: 1, name: "Reject this letter?" })).toBeVisible();
  await expect(plain.getByText(`Held letter ${suffix}`)).toBeVisible();
  await plain.getByLabel(/Also strike out the writer's co-signature/).check();
  await plain.getByLabel("I have read what happens and want to go ahead").check();
  await plain.getByRole("button", { name: "Reject the letter" }).click();
  await expect(plain.getByText("The letter was rejected.")).toBeVisible();
  const decisions = plain.getByTestId("decisions");
  await expect(decisions).toContainText(`Rejected the letter: Held letter ${suffix}`);
  await expect(decisions).toContainText(`by ${email}`);
  await expect(decisions).toContainText("the writer's co-signature struck out too");
  const [letter] = await query<{ status: string }>(`SELECT status FROM letter WHERE id = $1`, [letterId]);
  expect(letter!.status).toBe("rejected");
  const [signature] = await query<{ status: string }>(
    `SELECT status FROM signature WHERE campaign_id = $1 AND name = 'Held Writer'`,
    [campaignId],
  );
  expect(signature!.status).toBe("invalidated");
  await noScript.close();
});
