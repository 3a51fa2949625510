// The delivery panel in the browser: the preview of the next digest is what the target's mailbox then receives
// (From, subject, body), a test send reaches the organizer marked as a test, and a delivery the relay refused is sent
// again by "Retry now" under the same Message-ID. The browser tests' relay is the local mailbox, which accepts
// everything: the refusal (550) is written to the delivery's row as the sender records one.
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { hashPassword } from "better-auth/crypto";
import { expect, expectNoAxeViolations, query, test } from "./fixtures";

const password = "e2e organizer password";
const mailbox = `.data/e2e-mailbox-${process.env.E2E_PORT ?? 3100}`;

/**
 * An organization with an owner and an open campaign with two confirmed signers, held for a day so that the worker's
 * delivery tick does not send the digest before the test has read its preview.
 */
async function setUp() {
  const suffix = randomUUID().slice(0, 8);
  const [orgId, userId, campaignId] = [randomUUID(), randomUUID(), randomUUID()];
  const email = `owner-${suffix}@example.test`;
  const target = `target-${suffix}@example.test`;
  await query(`INSERT INTO organization (id, slug, name) VALUES ($1, $2, $3)`, [
    orgId,
    `e2e-d-${suffix}`,
    `Org ${suffix}`,
  ]);
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
    orgId,
    userId,
  ]);
  await query(
    `INSERT INTO campaign (id, organization_id, slug, status, goal, target_email, letter_delivery, hold_until, updated_at)
     VALUES ($1, $2, $3, 'open', 100, $4, 'digest', now() + interval '1 day', now())`,
    [campaignId, orgId, `e2e-d-${suffix}`, target],
  );
  for (const locale of ["en", "ko"])
    await query(
      `INSERT INTO campaign_translation (campaign_id, locale, title, summary, context, letter, sources, target_name)
       VALUES ($1, $2, $3, 's', 'c', 'Dear target,\n\nPlease act.', '', 'The Target')`,
      [campaignId, locale, `Delivery ${suffix}`],
    );
  for (const name of ["Ada Lovelace", "Grace Hopper"]) {
    await query(
      `INSERT INTO signature (id, campaign_id, email, email_key, name, country, region, locale, status, confirmed_at, appearance)
       VALUES ($1, $2, $3, $3, $4, 'US', 'NY', 'en', 'confirmed', now() - interval '1 minute', 'full')`,
      [randomUUID(), campaignId, `s-${randomUUID().slice(0, 8)}@example.test`, name],
    );
    await query(
      `INSERT INTO campaign_count_shard (campaign_id, shard, confirmed) VALUES ($1, 0, 1)
       ON CONFLICT (campaign_id, shard) DO UPDATE SET confirmed = campaign_count_shard.confirmed + 1`,
      [campaignId],
    );
  }
  return { email, target, campaignId, suffix };
}

test("the preview is what the target receives; a refused delivery is sent again by Retry now", async ({ page }) => {
  test.setTimeout(240_000);
  const { email, target, campaignId, suffix } = await setUp();
  await page.goto("/en/admin/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The first sign-in after the server starts can be slow on a busy machine.
  await expect(page).not.toHaveURL(/sign-in/, { timeout: 30_000 });

  await page.goto(`/en/admin/campaigns/${campaignId}`);
  await page.getByRole("link", { name: "Delivery", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Delivery" })).toBeVisible();
  await expect(page.getByTestId("plan-target")).toHaveText(target);
  await expect(page.getByTestId("plan-carries")).toHaveText("2 signers and 0 letters");
  const preview = {
    from: await page.getByTestId("preview-digest-from").textContent(),
    subject: (await page.getByTestId("preview-digest-subject").textContent()) ?? "",
    text: (await page.getByTestId("preview-digest-text").textContent()) ?? "",
  };
  expect(preview.subject).toBe(`Delivery ${suffix}: 2 new signatures and no letters`);
  await expectNoAxeViolations(page);

  // Send a test to me: the organizer gets it, marked as a test; the target gets nothing from it.
  await page.getByRole("button", { name: "Send a test to me" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Test queued for ${email}.` })).toBeVisible();
  const testRow = page
    .getByRole("row")
    .filter({ hasText: email })
    .filter({ hasText: `[TEST] ${preview.subject}` });
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(testRow.first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });

  // The hold ends; the delivery tick (every minute) sends the digest: the mailbox holds exactly what the preview showed.
  await query(`UPDATE campaign SET hold_until = NULL WHERE id = $1`, [campaignId]);
  const targetRow = page.getByRole("row").filter({ hasText: target }).filter({ hasText: preview.subject });
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(targetRow.first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 120_000 });
  await targetRow.first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(preview.subject);
  expect((await page.locator("pre.mail-text").textContent())?.trim()).toBe(preview.text.trim());
  // The mailbox quotes the display name ("Open Letters" <…>): the same address and name.
  const unquoted = (v: string | null) => (v ?? "").replaceAll('"', "");
  expect(unquoted(await page.locator(".mail-headers dd").first().textContent())).toBe(unquoted(preview.from));
  const messageId = (await page.locator(".mail-headers code").textContent())!;

  // The relay refuses it for good (recorded as the sender records a 550), and the copy never arrived.
  const [delivery] = await query<{ id: string }>(
    `UPDATE outbox_message SET status = 'failed', sent_at = NULL, last_error = $2
      WHERE campaign_id = $1 AND kind = 'delivery.digest' RETURNING id`,
    [campaignId, `550 5.1.1 <${target}>: Mailbox unavailable`],
  );
  await query(`INSERT INTO outbox_event (message_id, status, attempt, detail) VALUES ($1, 'failed', 1, $2)`, [
    delivery!.id,
    "550 5.1.1 Mailbox unavailable",
  ]);
  for (const file of existsSync(mailbox) ? readdirSync(mailbox) : [])
    if (file.includes(messageId.replace(/[<>]/g, ""))) rmSync(join(mailbox, file));

  await page.goto(`/en/admin/campaigns/${campaignId}/delivery`);
  const row = page.getByTestId("delivery-row").filter({ hasText: target });
  await expect(row.getByTestId("delivery-status")).toHaveText("failed: not delivered");
  await expect(row.getByTestId("delivery-answer")).toContainText("this mailbox does not exist");
  await row.getByText("Raw answer and attempts").click();
  await expect(row.locator("details pre")).toContainText("550 5.1.1");
  await row.getByRole("button", { name: "Retry now" }).click();
  await expect(async () => {
    await page.reload();
    await expect(row.getByTestId("delivery-status")).toHaveText("delivered", { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(row).toHaveAttribute("data-message-id", messageId);

  // The same email, under the same Message-ID, reached the target again.
  await page.goto("/dev/mailbox");
  await targetRow.first().getByRole("link").click();
  await expect(page.locator(".mail-headers code")).toHaveText(messageId);
  const audit = await query<{ action: string }>(`SELECT action FROM audit_event WHERE target_id = $1`, [delivery!.id]);
  expect(audit.map((a) => a.action)).toEqual(["delivery.retried"]);

  // The panel in both languages, kept with the test's results for people to look at.
  for (const locale of ["en", "ko"]) {
    await page.goto(`/${locale}/admin/campaigns/${campaignId}/delivery`);
    await expect(page.getByTestId("delivery-row").first()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`delivery-panel-${locale}.png`), fullPage: true });
  }
  await expect(page.getByRole("heading", { level: 1, name: "전달" })).toBeVisible();
  await expectNoAxeViolations(page);
});
