// An owner's team page and an editor's erasure of one signer, as people use them: a removed member's next request is
// refused, a revoked invitation's link is dead, an erased signer leaves the count and the export; axe on every page.
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Page } from "@playwright/test";
import pg from "pg";
import { e2eDatabaseUrl } from "../../playwright.config";
import { expect, expectNoAxeViolations, linkIn, openMail, test } from "./fixtures";

const password = "e2e organizer password";

async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** An organization of the test's own with members of the given roles (all with the same password). */
async function createTeam(roles: ("owner" | "editor" | "viewer")[]) {
  return withDb(async (client) => {
    const suffix = randomUUID().slice(0, 8);
    const orgId = randomUUID();
    const name = `E2E Team ${suffix}`;
    await client.query(`INSERT INTO organization (id, slug, name) VALUES ($1, $2, $3)`, [
      orgId,
      `team-${suffix}`,
      name,
    ]);
    const hash = await hashPassword(password);
    const emails: string[] = [];
    for (const [i, role] of roles.entries()) {
      const userId = randomUUID();
      const email = `${role}${i}-${suffix}@example.test`;
      await client.query(`INSERT INTO "user" (id, name, email, email_verified) VALUES ($1, $2, $3, true)`, [
        userId,
        `E2E ${role} ${i}`,
        email,
      ]);
      await client.query(
        `INSERT INTO account (id, account_id, provider_id, user_id, password) VALUES ($1, $2, 'credential', $2, $3)`,
        [randomUUID(), userId, hash],
      );
      await client.query(`INSERT INTO member (id, organization_id, user_id, role) VALUES ($1, $2, $3, $4)`, [
        randomUUID(),
        orgId,
        userId,
        role,
      ]);
      emails.push(email);
    }
    return { orgId, name, suffix, emails };
  });
}

async function signIn(page: Page, email: string) {
  await page.goto("/en/admin/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organizer dashboard" })).toBeVisible();
}

test("an owner manages the team: refuses an existing organizer, revokes an invitation, removes a member", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const team = await createTeam(["owner", "editor"]);
  const [owner, editor] = team.emails as [string, string];

  // The editor is signed in elsewhere, in a browser of their own.
  const editorContext = await browser.newContext();
  const editorPage = await editorContext.newPage();
  await signIn(editorPage, editor);

  await signIn(page, owner);
  await page.getByRole("link", { name: "Team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  const editorRow = page.getByTestId("members").locator(`tr[data-email="${editor}"]`);
  await expect(editorRow).toContainText("E2E editor 1");
  await expect(editorRow).not.toContainText("never");
  await expectNoAxeViolations(page);

  // An address that already belongs to an organizer is refused on the field, before any email goes out.
  await page.getByLabel("Email", { exact: true }).fill(editor);
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.locator("#invite-email-error")).toHaveText(/already has an organizer account/);
  await expect(page.locator("#invite-email")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  // A new address is invited; the invitation page names the organization, the role and who invited.
  const invitee = `invitee-${team.suffix}@example.test`;
  await page.getByLabel("Email", { exact: true }).fill(invitee);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${invitee}.`)).toBeVisible();
  const invitationRow = page.getByTestId("invitations").locator(`tr[data-email="${invitee}"]`);
  await expect(invitationRow).toContainText(owner);
  const mailPage = await page.context().newPage();
  const link = linkIn(await openMail(mailPage, invitee, new RegExp(team.name)), /\/en\/admin\/invitation\//);
  await mailPage.goto(link);
  await expect(mailPage.getByTestId("invitation-details")).toContainText(`${team.name} invites you to join as viewer`);
  await expect(mailPage.getByTestId("invitation-details")).toContainText(owner);
  await expectNoAxeViolations(mailPage);

  // Revoked: the owner is asked first, then the link is dead.
  await invitationRow.getByRole("button", { name: "Revoke" }).click();
  await expect(invitationRow).toContainText("Its link stops working at once.");
  await invitationRow.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(page.getByText("No open invitations.")).toBeVisible();
  await mailPage.goto(link);
  await expect(mailPage.getByTestId("invitation-details")).toHaveCount(0);
  const token = link.split("/").pop()!;
  const accepted = await mailPage.request.post("/api/organizer/invitations/accept", {
    headers: { origin: new URL(link).origin },
    data: { token, name: "Too Late", password },
  });
  expect(accepted.status()).toBe(404);
  expect((await accepted.json()).error.code).toBe("invitation_invalid");

  // Removed: asked first, then the editor's very next request is refused.
  await editorRow.getByRole("button", { name: "Remove" }).click();
  await expect(editorRow).toContainText("They are signed out at once");
  await expectNoAxeViolations(page);
  await editorRow.getByRole("button", { name: "Yes, remove" }).click();
  await expect(editorRow).toHaveCount(0);
  expect((await editorPage.request.get("/api/organizer/campaigns")).status()).toBe(401);
  await editorPage.reload();
  await expect(editorPage).toHaveURL(/\/en\/admin\/sign-in$/);

  // The activity log says who did what; the page reads the same in Korean.
  const audit = page.getByTestId("audit");
  await expect(audit).toContainText(`removed (editor)`);
  await expect(audit).toContainText(`revoked the invitation (viewer)`);
  await page.goto("/ko/admin/team");
  await expect(page.getByRole("heading", { level: 1, name: "팀" })).toBeVisible();
  await expect(page.getByTestId("audit")).toContainText("팀에서 제외 (편집자)");
  await expectNoAxeViolations(page);
  await editorContext.close();
});

test("an editor finds one signer by email and erases them: off the count and out of the export", async ({ page }) => {
  test.setTimeout(180_000);
  const team = await createTeam(["editor"]);
  const campaignId = randomUUID();
  const slug = `team-${team.suffix}`;
  const person = `erase-me-${team.suffix}@example.test`;
  const stays = `stays-${team.suffix}@example.test`;
  await withDb(async (client) => {
    await client.query(
      `INSERT INTO campaign (id, organization_id, slug, status, goal, target_email, updated_at) VALUES ($1, $2, $3, 'open', 100, 'target@example.test', now())`,
      [campaignId, team.orgId, slug],
    );
    for (const locale of ["en", "ko"]) {
      await client.query(
        `INSERT INTO campaign_translation (campaign_id, locale, title, summary, context, letter, sources, target_name) VALUES ($1, $2, $3, 'S', 'C', 'L', '', 'T')`,
        [campaignId, locale, `Erasure ${team.suffix}`],
      );
    }
    for (const [email, name] of [
      [person, "Erase Me"],
      [stays, "Stays Here"],
    ]) {
      await client.query(
        `INSERT INTO signature (id, campaign_id, email, email_key, name, country, locale, status, confirmed_at, wants_updates)
         VALUES ($1, $2, $3, $3, $4, 'US', 'en', 'confirmed', now(), true)`,
        [randomUUID(), campaignId, email, name],
      );
    }
    await client.query(`INSERT INTO campaign_count_shard (campaign_id, shard, confirmed) VALUES ($1, 0, 2)`, [
      campaignId,
    ]);
  });
  const [editor] = team.emails as [string];
  await signIn(page, editor);
  const row = page.getByTestId("campaign-list").locator(`tr[data-slug="${slug}"]`);
  await expect(row.getByTestId("confirmed")).toHaveText("2");
  await row.getByRole("link").first().click();
  await page.getByRole("link", { name: "Find a signer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Find one signer" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Email address").fill(person);
  await page.getByRole("button", { name: "Search" }).click();
  const record = page.getByTestId("signer-record");
  await expect(record).toContainText("Erase Me");
  await expect(record).toContainText("confirmed");
  await page.getByRole("button", { name: "Erase this person" }).click();
  await expect(record).toContainText("Exports and the next digest will not include them.");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Yes, erase" }).click();
  await expect(page.getByTestId("erased")).toContainText("Erased: 1 signatures (1 taken off the count) and 0 letters.");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("This campaign holds no signature or letter from that address.")).toBeVisible();

  const csv = await (await page.request.get(`/api/organizer/campaigns/${campaignId}/exports/signers`)).text();
  expect(csv).toContain(stays);
  expect(csv).not.toContain(person);
  expect(csv).not.toContain("Erase Me");
  await page.goto("/en/admin");
  await expect(row.getByTestId("confirmed")).toHaveText("1");
});
