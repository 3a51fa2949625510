// An organizer sees suspicious activity and acts on it: a network with many signatures is reviewed, struck out, and
// the count drops by exactly the signatures it held; the action is on record and can be undone. axe on each view.
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import pg from "pg";
import { e2eDatabaseUrl } from "../../playwright.config";
import { expect, expectNoAxeViolations, test } from "./fixtures";

const password = "e2e signals password";

/** An owner and an open campaign (holding deliveries) with 25 confirmed signatures from one network and 3 suspected ones. */
async function seed() {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl });
  await client.connect();
  try {
    const suffix = randomUUID().slice(0, 8);
    const [orgId, userId, campaignId] = [randomUUID(), randomUUID(), randomUUID()];
    const email = `signals-${suffix}@example.test`;
    await client.query(`INSERT INTO organization (id, slug, name) VALUES ($1, $2, $3)`, [
      orgId,
      `e2e-sig-${suffix}`,
      `E2E Signals ${suffix}`,
    ]);
    await client.query(`INSERT INTO "user" (id, name, email, email_verified) VALUES ($1, 'E2E Owner', $2, true)`, [
      userId,
      email,
    ]);
    await client.query(
      `INSERT INTO account (id, account_id, provider_id, user_id, password) VALUES ($1, $2, 'credential', $2, $3)`,
      [randomUUID(), userId, await hashPassword(password)],
    );
    await client.query(`INSERT INTO member (id, organization_id, user_id, role) VALUES ($1, $2, $3, 'owner')`, [
      randomUUID(),
      orgId,
      userId,
    ]);
    await client.query(
      `INSERT INTO campaign (id, organization_id, slug, status, goal, target_email, hold_until, updated_at) VALUES ($1, $2, $3, 'open', 1000, 't@example.test', now() + interval '1 day', now())`,
      [campaignId, orgId, `e2e-sig-${suffix}`],
    );
    for (const [locale, title] of [
      ["en", `Signals test ${suffix}`],
      ["ko", `신호 시험 ${suffix}`],
    ]) {
      await client.query(
        `INSERT INTO campaign_translation (campaign_id, locale, title, summary, context, letter, target_name) VALUES ($1, $2, $3, 'S', 'C', 'L', 'T')`,
        [campaignId, locale, title],
      );
    }
    await client.query(
      `INSERT INTO signature (id, campaign_id, email, email_key, name, country, locale, status, network_hash, created_at, confirmed_at)
       SELECT gen_random_uuid(), $1, 'bot' || i || '@example.test', 'bot' || i || '-' || $2 || '@example.test', 'Bot', 'US', 'en', 'confirmed',
              $3, now() - make_interval(mins => i * 2), now()
         FROM generate_series(1, 25) i`,
      [campaignId, suffix, `e2e-network-${suffix}`],
    );
    await client.query(
      `INSERT INTO signature (id, campaign_id, email, email_key, name, country, locale, status, spam_reason, network_hash)
       SELECT gen_random_uuid(), $1, 'trap' || i || '@example.test', 'trap' || i || '-' || $2 || '@example.test', 'Trap', 'US', 'en', 'suspected', 'honeypot', 'trap-' || i
         FROM generate_series(1, 3) i`,
      [campaignId, suffix],
    );
    await client.query(`INSERT INTO campaign_count_shard (campaign_id, shard, confirmed) VALUES ($1, 0, 25)`, [
      campaignId,
    ]);
    return { email, campaignId, slug: `e2e-sig-${suffix}` };
  } finally {
    await client.end();
  }
}

test("an organizer reviews a network with many signatures, strikes it out, sees the count drop, and restores it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { email, campaignId, slug } = await seed();
  await page.goto("/en/admin/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organizer dashboard" })).toBeVisible();
  await expect(page.locator(`tr[data-slug="${slug}"]`).getByTestId("suspected")).toHaveText("3 / 0");

  await page.goto(`/en/admin/campaigns/${campaignId}`);
  await expect(page.getByTestId("goal")).toContainText("25 of 1,000");
  await expect(page.getByTestId("not-counted")).toContainText("3 suspected");
  await page.getByTestId("not-counted").getByRole("link", { name: "Suspicious activity" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Suspicious activity" })).toBeVisible();
  await expect(page.getByTestId("signals-suspected")).toContainText("A hidden field was filled in (a bot)");
  const row = page.getByTestId("signals-networks").getByRole("row").nth(1);
  await expect(row.getByRole("rowheader")).toHaveText(/^#\w+$/);
  await expect(row).not.toContainText("e2e-network");
  await expectNoAxeViolations(page);

  // Review shows what would change; only the confirm button changes it.
  await row.getByRole("button", { name: /Review the signatures of network/ }).click();
  await expect(row.getByTestId("invalidation-preview")).toHaveText(
    "25 signatures: 25 counted now, 0 pending, 0 suspected.",
  );
  await expectNoAxeViolations(page);
  await row.getByRole("button", { name: "Strike out 25 signatures" }).click();
  await expect(page.getByText("Struck out 25 signatures; the count went down by 25.")).toBeVisible();
  await expect(page.getByTestId("signals-log")).toContainText("signatures struck out");
  await expect(page.getByTestId("signals-summary")).toContainText("Counted: 0");
  // The page has refreshed with the new figures, and the result is still there; nothing is left to review.
  await expect(page.getByText("Struck out 25 signatures; the count went down by 25.")).toBeVisible();
  await expect(row.getByRole("button", { name: /Review the signatures of network/ })).toHaveCount(0);

  await page.goto(`/en/admin/campaigns/${campaignId}`);
  await expect(page.getByTestId("goal")).toContainText("0 of 1,000");
  await expect(page.getByTestId("not-counted")).toContainText("25 struck out");
  expect(await (await page.request.get(`/api/campaigns/${slug}/count`)).json()).toMatchObject({ confirmed: 0 });

  // Undo: the signatures count again.
  await page.goto(`/en/admin/campaigns/${campaignId}/signals`);
  await page.getByTestId("signals-log").getByRole("button", { name: "Restore" }).click();
  await expect(page.getByTestId("signals-log")).toContainText("25 back, 25 counted again");
  await expect(page.getByTestId("signals-summary")).toContainText("Counted: 25");

  // The same page in Korean.
  await page.goto(`/ko/admin/campaigns/${campaignId}/signals`);
  await expect(page.getByRole("heading", { level: 1, name: "의심스러운 활동" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("on a phone-wide page the chart's labels are readable; every reason is in words; one suspected signature is looked at and let through", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { email, campaignId, slug } = await seed();
  const client = new pg.Client({ connectionString: e2eDatabaseUrl });
  await client.connect();
  await client.query(
    `INSERT INTO signature (id, campaign_id, email, email_key, name, country, locale, status, spam_reason)
     VALUES (gen_random_uuid(), $1, 'person@example.test', $2, 'Real Person', 'KR', 'ko', 'suspected', 'no_token')`,
    [campaignId, `person-${slug}@example.test`],
  );
  await client.end();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/en/admin/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organizer dashboard" })).toBeVisible();

  await page.goto(`/en/admin/campaigns/${campaignId}`);
  await expect(page).toHaveTitle("Campaign dashboard · Open Letters");
  const labels = page.getByTestId("chart-label");
  await expect(labels).toHaveCount(3);
  for (const label of await labels.all()) {
    const px = await label.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(px).toBeGreaterThanOrEqual(12);
    await expect(label).toBeVisible();
  }
  // The count widget's code, with the frame sizes it is made for.
  await expect(page.getByTestId("embed-snippet-en")).toContainText(`/embed/en/${slug}" title="Live signature count"`);
  await expect(page.getByTestId("embed-snippet-ko")).toContainText('title="실시간 서명 수" width="320" height="220"');
  await expect(page.locator("#embed-heading").locator("..")).toContainText("320×220");
  await expectNoAxeViolations(page);

  await page.goto(`/en/admin/campaigns/${campaignId}/signals`);
  const reasons = page.getByTestId("signals-suspected");
  await expect(reasons).toContainText("A hidden field was filled in (a bot)");
  await expect(reasons).toContainText("Sent without the form's token (not from our page)");
  await expect(reasons).not.toContainText("no_token");
  await page.getByText(/Look at the suspected signatures one by one/).click();
  const person = page.getByTestId("suspected-list").getByRole("listitem").filter({ hasText: "Real Person" });
  await expect(person).toContainText("p…@example.test");
  await expectNoAxeViolations(page);
  await person.getByRole("link", { name: "Let it through: send the confirmation email" }).click();
  // The confirm step says what happens, then returns to this page.
  await expect(page.getByText("the signature counts only once they confirm")).toBeVisible();
  await page.getByLabel("I have read what happens and want to go ahead").check();
  await page.getByRole("button", { name: "Let the signature through" }).click();
  await expect(page.getByTestId("suspected-list").getByText("Real Person")).toHaveCount(0);
  await expect(page.getByTestId("signals-summary")).toContainText("pending: 1");

  // Struck out, a group has nothing left to review.
  const row = page.getByTestId("signals-networks").getByRole("row").nth(1);
  await row.getByRole("button", { name: /Review the signatures of network/ }).click();
  await row.getByRole("button", { name: "Strike out 25 signatures" }).click();
  await expect(page.getByTestId("signals-summary")).toContainText("Counted: 0");
  await expect(row.getByRole("button", { name: /Review/ })).toHaveCount(0);

  await page.goto(`/ko/admin/campaigns/${campaignId}/signals`);
  await expect(page.getByTestId("signals-suspected")).toContainText("숨은 입력란이 채워짐(자동 프로그램)");
  await expectNoAxeViolations(page);
});
