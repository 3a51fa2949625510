// The public signer wall in the browser: people sign with and without "Show my name publicly" and a reason, confirm
// from their email, an editor approves one reason and rejects another from the campaign's admin page (a viewer sees
// the queue but cannot decide), and the wall shows exactly the approved reason beside its signer, in both languages.
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, linkIn, openMail, query, test } from "./fixtures";

const password = "e2e organizer password";

/** A member of the campaign's organization with this role, written straight to the app's database. */
async function member(slug: string, role: "editor" | "viewer") {
  const [campaign] = await query<{ organization_id: string }>(`SELECT organization_id FROM campaign WHERE slug = $1`, [
    slug,
  ]);
  const userId = randomUUID();
  const email = `${role}-${userId.slice(0, 8)}@example.test`;
  await query(`INSERT INTO "user" (id, name, email, email_verified) VALUES ($1, 'E2E Member', $2, true)`, [
    userId,
    email,
  ]);
  await query(
    `INSERT INTO account (id, account_id, provider_id, user_id, password) VALUES ($1, $2, 'credential', $2, $3)`,
    [randomUUID(), userId, await hashPassword(password)],
  );
  await query(`INSERT INTO member (id, organization_id, user_id, role) VALUES ($1, $2, $3, $4)`, [
    randomUUID(),
    campaign!.organization_id,
    userId,
    role,
  ]);
  return email;
}

async function signIn(page: Page, email: string) {
  await page.goto("/en/admin/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organizer dashboard" })).toBeVisible();
}

/** Signs the campaign in the browser and confirms from the email. */
async function signAndConfirm(
  page: Page,
  slug: string,
  s: { name: string; email: string; reason: string; show: boolean },
) {
  await page.goto(`/en/c/${slug}`);
  await page.getByLabel("Full name", { exact: true }).fill(s.name);
  await page.getByLabel("Email address", { exact: true }).fill(s.email);
  await page.getByLabel(/State/).selectOption("NY");
  await page.getByLabel(/Why are you signing/).fill(s.reason);
  if (s.show) await page.getByLabel("Show my name publicly as a signer").check();
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await expect(page.getByTestId("sign-success")).toContainText(s.email);
  const mail = await openMail(page, s.email, /Confirm your signature/);
  await page.goto(linkIn(mail, /\/en\/confirm\//));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByTestId("action-result")).toBeVisible();
}

test("the wall shows signers who chose it, with a reason only once an editor approves it", async ({
  page,
  browser,
  campaign,
}) => {
  test.setTimeout(240_000);
  const suffix = randomUUID().slice(0, 6);
  const kept = { name: `Ada Shown ${suffix}`, email: `kept-${suffix}@example.test`, reason: `For my aunt ${suffix}` };
  const refused = {
    name: `Bo Refused ${suffix}`,
    email: `refused-${suffix}@example.test`,
    reason: `Call 010-9999-${suffix}`,
  };
  const hidden = {
    name: `Cy Hidden ${suffix}`,
    email: `hidden-${suffix}@example.test`,
    reason: `Private reason ${suffix}`,
  };
  await signAndConfirm(page, campaign.slug, { ...kept, show: true });
  await signAndConfirm(page, campaign.slug, { ...refused, show: true });
  await signAndConfirm(page, campaign.slug, { ...hidden, show: false });

  // From the campaign page to the wall: shown signers, no reason yet, nobody who did not choose it, no address.
  await page.goto(`/en/c/${campaign.slug}`);
  await page.getByRole("link", { name: "See who signed" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Who signed “${campaign.titles.en}”`);
  const wall = page.getByRole("list", { name: "Signers who chose to be shown" });
  await expect(wall.getByTestId("wall-entry")).toHaveCount(2);
  await expect(wall).toContainText(kept.name);
  await expect(wall).toContainText("New York, United States");
  await expect(page.locator("main")).not.toContainText(kept.reason);
  await expect(page.locator("main")).not.toContainText(hidden.name);
  await expect(page.locator("main")).not.toContainText("@example.test");
  await expect(wall.locator("bdi").first()).toBeVisible();
  await expect(page.getByTestId("wall-rule")).toContainText("never more than they chose to show the recipient");
  await expectNoAxeViolations(page);

  const id = (await query<{ id: string }>(`SELECT id FROM campaign WHERE slug = $1`, [campaign.slug]))[0]!.id;

  // A viewer sees the queue, but has no buttons, and the API refuses them.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signIn(viewer, await member(campaign.slug, "viewer"));
  await viewer.goto(`/en/admin/campaigns/${id}`);
  const viewerQueue = viewer.getByTestId("reason-queue");
  await expect(viewerQueue).toContainText(kept.reason);
  await expect(viewerQueue.getByRole("button")).toHaveCount(0);
  const keptId = (await query<{ id: string }>(`SELECT id FROM signature WHERE email = $1`, [kept.email]))[0]!.id;
  expect((await viewer.request.post(`/api/organizer/reasons/${keptId}/approve`)).status()).toBe(403);
  await viewerContext.close();

  // An editor approves one reason and rejects the other; a reason of someone not shown is not in the queue.
  await signIn(page, await member(campaign.slug, "editor"));
  await page.goto(`/en/admin/campaigns/${id}`);
  const queue = page.getByTestId("reason-queue");
  await expect(queue.getByTestId("pending-reason")).toHaveCount(2);
  await expect(queue).not.toContainText(hidden.reason);
  await expectNoAxeViolations(page);
  await queue
    .getByTestId("pending-reason")
    .filter({ hasText: kept.reason })
    .getByRole("button", { name: "Approve" })
    .click();
  await expect(queue.getByTestId("pending-reason")).toHaveCount(1);
  await queue
    .getByTestId("pending-reason")
    .filter({ hasText: refused.reason })
    .getByRole("button", { name: "Reject" })
    .click();
  await expect(page.getByText("No reasons are waiting for review.")).toBeVisible();

  // The wall at once (its cached page was dropped): the approved reason beside its signer, the rejected one nowhere.
  await page.goto(`/en/c/${campaign.slug}/signers`);
  const entry = page.getByTestId("wall-entry").filter({ hasText: kept.name });
  await expect(entry).toContainText(kept.reason);
  await expect(page.getByTestId("wall-entry").filter({ hasText: refused.name })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(refused.reason);
  await expect(page.locator("main")).not.toContainText(hidden.name);
  await expectNoAxeViolations(page);

  // In Korean: the page's own words, the country named in Korean.
  await page.goto(`/ko/c/${campaign.slug}/signers`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`“${campaign.titles.ko}”에 서명하신 분들`);
  await expect(page.getByTestId("wall-entry").filter({ hasText: kept.name })).toContainText("미국");
  await expect(page.locator("main")).not.toContainText(refused.reason);
  await expectNoAxeViolations(page);
});
