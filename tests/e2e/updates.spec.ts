// After the action: an update's unsubscribe link works with one POST and no sign-in (and from its page's button, in
// the email's language); an organizer previews and test-sends an update, adds to the timeline, which the public page
// shows in both languages with the deadline's countdown. Axe on every page.
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, linkIn, openMail, query, test } from "./fixtures";

const password = "e2e organizer password";

async function campaignIdOf(slug: string): Promise<{ id: string; organization_id: string }> {
  const [row] = await query<{ id: string; organization_id: string }>(
    `SELECT id, organization_id FROM campaign WHERE slug = $1`,
    [slug],
  );
  return row!;
}

/** An owner of the campaign's organization, signed in. */
async function signInOwnerOf(page: Page, organizationId: string): Promise<string> {
  const userId = randomUUID();
  const email = `owner-${userId.slice(0, 8)}@example.test`;
  await query(`INSERT INTO "user" (id, name, email, email_verified) VALUES ($1, 'E2E Owner', $2, true)`, [
    userId,
    email,
  ]);
  await query(
    `INSERT INTO account (id, account_id, provider_id, user_id, password) VALUES ($1, $2, 'credential', $2, $3)`,
    [randomUUID(), userId, await hashPassword(password)],
  );
  await query(`INSERT INTO member (id, organization_id, user_id, role) VALUES ($1, $2, $3, 'owner')`, [
    randomUUID(),
    organizationId,
    userId,
  ]);
  await page.goto("/en/admin/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en\/admin$/);
  return email;
}

/** A confirmed signer who asked for updates, and an update queued for them (the worker sends it to the mailbox). */
async function updateFor(campaign: { id: string }, email: string, locale: "en" | "ko") {
  const signatureId = randomUUID();
  await query(
    `INSERT INTO signature (id, campaign_id, email, email_key, name, country, locale, status, wants_updates, confirmed_at)
     VALUES ($1, $2, $3, lower($3), 'E2E Signer', 'US', $4, 'confirmed', true, now())`,
    [signatureId, campaign.id, email, locale],
  );
  const mailingId = randomUUID();
  await query(`INSERT INTO campaign_mailing (id, campaign_id, kind, enqueued_at) VALUES ($1, $2, 'update', now())`, [
    mailingId,
    campaign.id,
  ]);
  await query(
    `INSERT INTO campaign_mailing_translation (mailing_id, locale, subject, body)
     VALUES ($1, 'en', 'Delivered today', 'The letters reached the White House.'),
            ($1, 'ko', '오늘 전달했습니다', '편지가 백악관에 도착했습니다.')`,
    [mailingId],
  );
  const id = randomUUID();
  await query(
    `INSERT INTO outbox_message (id, kind, "to", locale, payload, message_id, signature_id, campaign_id)
     VALUES ($1, 'campaign.update', $2, $3, $4, $5, $6, $7)`,
    [id, email, locale, JSON.stringify({ mailingId }), `<${id}@e2e.example.test>`, signatureId, campaign.id],
  );
}

const suppressed = async (email: string) =>
  (await query<{ reason: string }>(`SELECT reason FROM suppressed_address WHERE email_key = $1`, [email])).map(
    (r) => r.reason,
  );

test("an update's unsubscribe link unsubscribes with one POST, or from its page's button", async ({
  page,
  campaign,
}) => {
  const c = await campaignIdOf(campaign.slug);
  const suffix = randomUUID().slice(0, 8);
  const oneClick = `one-click-${suffix}@example.test`;
  const byPage = `by-page-${suffix}@example.test`;
  await updateFor(c, oneClick, "en");
  await updateFor(c, byPage, "ko");

  // A mail client's one-click unsubscribe: one POST to the link, no cookie, no sign-in.
  const link = linkIn(await openMail(page, oneClick, /Delivered today/), /\/u\//);
  const post = await page.request.post(link, {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: "List-Unsubscribe=One-Click",
  });
  expect(post.status()).toBe(200);
  expect(await suppressed(oneClick)).toEqual(["unsubscribe"]);
  await page.goto(link);
  await expect(page).toHaveURL(/\/en\/unsubscribe\//);
  await expect(page.getByRole("status")).toHaveText("You are unsubscribed. This address gets no more updates from us.");
  await expectNoAxeViolations(page);

  // Opened in a browser, the link only asks; the button does it, in the language of the email.
  const koLink = linkIn(await openMail(page, byPage, /오늘 전달했습니다/), /\/u\//);
  await page.goto(koLink);
  await expect(page).toHaveURL(/\/ko\/unsubscribe\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("소식 수신 거부");
  expect(await suppressed(byPage)).toEqual([]);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "수신 거부" }).click();
  await expect(page.getByRole("status")).toHaveText("수신 거부되었습니다. 이 주소로 더 이상 소식을 보내지 않습니다.");
  expect(await suppressed(byPage)).toEqual(["unsubscribe"]);
});

test("an organizer previews an update and sends a test of it to themselves", async ({ page, campaign }) => {
  const c = await campaignIdOf(campaign.slug);
  const email = await signInOwnerOf(page, c.organization_id);
  await page.goto(`/en/admin/campaigns/${c.id}`);
  await page.getByRole("link", { name: "Updates to signers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Updates to signers");
  await expectNoAxeViolations(page);

  // Empty fields are named beside each field.
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("Please check the fields marked below.")).toBeVisible();
  await expect(page.getByLabel("Subject (English)")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Subject (English)").fill("The letters are on their way");
  await page.getByLabel("Message (English)").fill("Thank you for signing.\n\nWe delivered them today.");
  await page.getByLabel("Subject (Korean)").fill("편지를 보냈습니다");
  await page.getByLabel("Message (Korean)").fill("서명해 주셔서 감사합니다.");
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("update-preview");
  await expect(preview).toContainText("We delivered them today.");
  await expect(preview).toContainText("서명해 주셔서 감사합니다.");
  await expect(preview).toContainText("Unsubscribe with one click:");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Send a test to me" }).click();
  await expect(page.getByTestId("update-status")).toHaveText(`Test sent to ${email}, in both languages.`);
  const text = await openMail(page, email, /\[Test\] The letters are on their way/);
  expect(text).toContain("We delivered them today.");
  expect(text).toMatch(/\/u\//);
});

test("an organizer adds to the timeline; the public page shows it in both languages with the countdown", async ({
  page,
  campaign,
}) => {
  const c = await campaignIdOf(campaign.slug);
  await signInOwnerOf(page, c.organization_id);
  await page.goto(`/en/admin/campaigns/${c.id}`);
  await page.getByRole("link", { name: "What happened (timeline and deadline)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What happened");
  await expectNoAxeViolations(page);

  await page.getByLabel("What", { exact: true }).selectOption("response");
  await page.getByLabel("Date", { exact: true }).fill("2018-06-20");
  await page.getByLabel("Text (English)").fill("The White House answered our letter.");
  await page.getByLabel("Text (Korean)").fill("백악관이 서한에 답변했습니다.");
  await page.getByRole("button", { name: "Add to the timeline" }).click();
  await expect(page.getByTestId("timeline-status")).toHaveText("Added to the timeline.");
  await expect(page.getByTestId("timeline-entries")).toContainText("The White House answered our letter.");
  await page.getByLabel("Deadline (UTC)").fill("2099-06-12T09:00");
  await page.getByRole("button", { name: "Save deadline" }).click();
  await expect(page.getByTestId("timeline-status")).toHaveText("Deadline saved.");

  await page.goto(`/en/c/${campaign.slug}`);
  const timeline = page.getByRole("region", { name: "What happened" });
  await expect(timeline).toContainText("Response received");
  await expect(timeline).toContainText("The White House answered our letter.");
  await expect(timeline.locator("time")).toHaveAttribute("datetime", "2018-06-20");
  await expect(timeline.locator("time")).toHaveText("June 20, 2018");
  const countdown = page.getByTestId("countdown");
  await expect(countdown).toHaveText(/^Deadline: [\d,]+ days left until June 12, 2099$/);
  await expect(countdown.locator("time")).toHaveAttribute("datetime", "2099-06-12T09:00:00.000Z");
  await expectNoAxeViolations(page);

  await page.goto(`/ko/c/${campaign.slug}`);
  const ko = page.getByRole("region", { name: "진행 상황" });
  await expect(ko).toContainText("답변 받음");
  await expect(ko).toContainText("백악관이 서한에 답변했습니다.");
  await expect(ko.locator("time")).toHaveText("2018년 6월 20일");
  await expect(page.getByTestId("countdown")).toHaveText(/^마감: 2099년 6월 12일까지 [\d,]+일 남음$/);
  await expectNoAxeViolations(page);
});
