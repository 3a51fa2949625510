// The organizer's journey: sign in, create a campaign in both languages, open it, see it public, sign it, watch the
// dashboard count it, export the signers and parse the file, close it; axe on every admin page.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { hashPassword } from "better-auth/crypto";
import { parse } from "csv-parse/sync";
import pg from "pg";
import { e2eDatabaseUrl } from "../../playwright.config";
import { expect, expectNoAxeViolations, linkIn, openMail, test } from "./fixtures";

const password = "e2e organizer password";

/** An organization of the test's own with an owner, written straight to the app's database. */
async function createOwner(): Promise<{ email: string }> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl });
  await client.connect();
  try {
    const suffix = randomUUID().slice(0, 8);
    const orgId = randomUUID();
    const userId = randomUUID();
    const email = `owner-${suffix}@example.test`;
    await client.query(`INSERT INTO organization (id, slug, name) VALUES ($1, $2, $3)`, [
      orgId,
      `e2e-org-${suffix}`,
      `E2E Org ${suffix}`,
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
    return { email };
  } finally {
    await client.end();
  }
}

test("an organizer creates a campaign, sees it signed and counted, exports the signers", async ({ page }) => {
  test.setTimeout(180_000);
  const { email } = await createOwner();
  const slug = `e2e-admin-${randomUUID().slice(0, 8)}`;

  // Signed out, the dashboard sends you to sign in.
  await page.goto("/en/admin");
  await expect(page).toHaveURL(/\/en\/admin\/sign-in$/);
  await expectNoAxeViolations(page);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#main").getByRole("alert")).toContainText("do not match");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organizer dashboard" })).toBeVisible();
  await expect(page.getByText("No campaigns yet.")).toBeVisible();
  await expectNoAxeViolations(page);

  // Create: an empty form explains itself per field, then a complete one is saved as a draft.
  await page.getByRole("link", { name: "New campaign" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New campaign" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/fields need attention/)).toBeVisible();
  await expect(page.locator("#f-texts-ko-title")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  await page.getByLabel("Web address (slug)").fill(slug);
  const target = page.getByRole("group", { name: "Target 1" });
  await target.getByLabel("Delivery email").fill("president@example.test");
  await target.getByLabel("Target name").nth(0).fill("The President");
  await target.getByLabel("Target name").nth(1).fill("대통령");
  for (const [lang, legend] of [
    ["en", "English"],
    ["ko", "Korean"],
  ] as const) {
    const group = page.getByRole("group", { name: legend, exact: true });
    await group.getByLabel("Title").fill(lang === "en" ? `Admin test ${slug}` : `관리자 시험 ${slug}`);
    await group.getByLabel("Summary").fill(lang === "en" ? "A summary." : "요약입니다.");
    await group.getByLabel("Background").fill(lang === "en" ? "Background text." : "배경 설명.");
    await group
      .getByLabel("Open letter")
      .fill(lang === "en" ? "Dear President,\n\nPlease act." : "대통령님께,\n\n행동해 주십시오.");
  }
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Admin test ${slug}` })).toBeVisible();
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // The preview shows both languages while the campaign is a draft.
  await page.getByRole("link", { name: "Preview the texts" }).click();
  await expect(page.getByRole("heading", { level: 2, name: `관리자 시험 ${slug}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goBack();

  // A draft is not public; opened, it is.
  expect((await page.request.get(`/en/c/${slug}`)).status()).toBe(404);
  await page.getByRole("button", { name: "Open the campaign" }).click();
  await expect(page.getByRole("link", { name: "Close the campaign" })).toBeVisible();
  const campaignAdminUrl = page.url();

  // A supporter signs and confirms, agreeing to hear from the organizers; they came by the organizers' newsletter.
  const signer = `admin-signer-${randomUUID().slice(0, 8)}@example.test`;
  await page.goto(`/en/c/${slug}?source=newsletter`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Admin test ${slug}`);
  await page.getByLabel("Full name", { exact: true }).fill("Jane Exporter");
  await page.getByLabel("Email address", { exact: true }).fill(signer);
  await page.getByLabel(/State/).selectOption("NY");
  await page.getByLabel("Send me updates about this campaign").check();
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await expect(page.getByTestId("sign-success")).toBeVisible();
  const mail = await openMail(page, signer, /Confirm your signature/);
  await page.goto(linkIn(mail, /\/en\/confirm\//));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByTestId("action-result")).toBeVisible();

  // The dashboard counts it.
  await page.goto("/en/admin");
  const row = page.locator(`tr[data-slug="${slug}"]`);
  await expect(row.getByTestId("confirmed")).toHaveText("1");
  await page.goto(campaignAdminUrl);
  await expect(page.getByTestId("goal")).toContainText("1 of 1,000");
  await expect(page.getByTestId("per-source").locator('tr[data-source="newsletter"] td')).toHaveText(["1", "0"]);
  await expect(page.getByText(`http://localhost:${new URL(page.url()).port}/ko/c/${slug}?source=social`)).toBeVisible();
  await expect(page.getByTestId("embed-snippet")).toContainText(`/embed/en/${slug}" title="Admin test ${slug}"`);
  await expectNoAxeViolations(page);

  // Export the signers and read the file back.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export signers (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`signers-${slug}-${new Date().toISOString().slice(0, 10)}.csv`);
  const rows = parse(await readFile((await download.path())!), { bom: true, columns: true }) as Record<
    string,
    string
  >[];
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ name: "Jane Exporter", email: signer, country: "US", region: "NY" });

  // The export is on record for owners.
  await page.getByRole("link", { name: "Export log" }).click();
  await expect(page.getByRole("cell", { name: slug })).toBeVisible();
  await expectNoAxeViolations(page);

  // Closing stops signatures and the public page says so.
  await page.goto(campaignAdminUrl);
  await page.getByRole("link", { name: "Close the campaign" }).click();
  await page.getByLabel("I have read what happens and want to go ahead").check();
  await page.getByRole("button", { name: "Close the campaign" }).click();
  await expect(page.getByRole("button", { name: "Open the campaign" })).toBeVisible();
  await page.goto(`/en/c/${slug}`);
  await expect(page.getByText("This campaign is closed")).toBeVisible();

  // Another organization's campaign (the seeded flagship belongs to the demo organization) is not found.
  const client = new pg.Client({ connectionString: e2eDatabaseUrl });
  await client.connect();
  const flagship = (
    await client.query<{ id: string }>(`SELECT id FROM campaign WHERE slug = 'human-rights-on-the-agenda'`)
  ).rows[0]!;
  await client.end();
  for (const path of [`/en/admin/campaigns/${flagship.id}`, `/en/admin/campaigns/${flagship.id}/edit`]) {
    expect((await page.request.get(path)).status()).toBe(404);
  }
  expect((await page.request.get(`/api/organizer/campaigns/${flagship.id}/exports/signers`)).status()).toBe(404);

  // The Korean dashboard.
  await page.goto("/ko/admin");
  await expect(page.getByRole("heading", { level: 1, name: "주최자 대시보드" })).toBeVisible();
  await expectNoAxeViolations(page);
});
