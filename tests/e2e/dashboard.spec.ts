// The organizer's dashboard as people use it: what needs doing first, then each campaign's figures with places named
// in the reader's language and numbers grouped; a viewer is offered nothing their role cannot do; signing in returns
// to the page that was asked for, and only to one of ours. Screenshots of the dashboard in both languages are kept
// under DASHBOARD_SHOTS when it is set.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { hashPassword } from "better-auth/crypto";
import type { Page } from "@playwright/test";
import pg from "pg";
import { e2eDatabaseUrl } from "../../playwright.config";
import { expect, expectNoAxeViolations, test } from "./fixtures";

const password = "e2e organizer password";
const shots = process.env.DASHBOARD_SHOTS;

async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * An organization of the test's own with an owner and a viewer, and an open campaign closing in three days: 1,234
 * confirmed signatures from Seoul and California (some from a newsletter link), one letter held for review, one
 * signer's reason waiting for review, one delivery to the target that failed.
 */
async function organizationWithCampaign() {
  return withDb(async (client) => {
    const suffix = randomUUID().slice(0, 8);
    const orgId = randomUUID();
    const campaignId = randomUUID();
    await client.query(`INSERT INTO organization (id, slug, name) VALUES ($1, $2, $3)`, [
      orgId,
      `dash-${suffix}`,
      `Dashboard Coalition ${suffix}`,
    ]);
    const hash = await hashPassword(password);
    const emails: Record<"owner" | "viewer", string> = { owner: "", viewer: "" };
    for (const role of ["owner", "viewer"] as const) {
      const userId = randomUUID();
      const email = `${role}-${suffix}@example.test`;
      await client.query(`INSERT INTO "user" (id, name, email, email_verified) VALUES ($1, $2, $3, true)`, [
        userId,
        `E2E ${role}`,
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
      emails[role] = email;
    }
    await client.query(
      `INSERT INTO campaign (id, organization_id, slug, status, goal, target_email, closes_at, updated_at)
       VALUES ($1, $2, $3, 'open', 12000, 'target@example.test', now() + interval '3 days', now())`,
      [campaignId, orgId, `dash-${suffix}`],
    );
    const titles = { en: `Free the camps ${suffix}`, ko: `수용소 해체 ${suffix}` };
    for (const locale of ["en", "ko"] as const) {
      await client.query(
        `INSERT INTO campaign_translation (campaign_id, locale, title, summary, context, letter, sources, target_name) VALUES ($1, $2, $3, 'S', 'C', 'L', '', 'T')`,
        [campaignId, locale, titles[locale]],
      );
    }
    // Spread over the last two weeks: 1,000 from Seoul (400 by the newsletter link), 234 from California.
    await client.query(
      `INSERT INTO signature (id, campaign_id, email, email_key, name, country, region, source, locale, status, confirmed_at)
       SELECT gen_random_uuid(), $1, 's' || i || '-' || $2 || '@example.test', 's' || i || '-' || $2 || '@example.test',
              'Signer ' || i, CASE WHEN i <= 1000 THEN 'KR' ELSE 'US' END, CASE WHEN i <= 1000 THEN '11' ELSE 'CA' END,
              CASE WHEN i <= 400 THEN 'newsletter' END, 'en', 'confirmed', now() - make_interval(hours => (i % 13) * 24 + 1)
         FROM generate_series(1, 1234) AS i`,
      [campaignId, suffix],
    );
    // One of them chose to be shown on the signer wall and gave a reason, which waits for review.
    await client.query(
      `UPDATE signature SET show_name = true, appearance = 'full', comment = 'Families are waiting.'
        WHERE campaign_id = $1 AND email = $2`,
      [campaignId, `s1-${suffix}@example.test`],
    );
    await client.query(
      `INSERT INTO letter (id, campaign_id, email, email_key, name, country, subject, body, language, locale, status, held_reason, confirmed_at)
       VALUES ($1, $2, $3, $3, 'Held Writer', 'KR', 'Held subject', 'Body http://a.example http://b.example http://c.example', 'en', 'en', 'held', 'links', now())`,
      [randomUUID(), campaignId, `held-${suffix}@example.test`],
    );
    await client.query(
      `INSERT INTO outbox_message (id, kind, "to", locale, message_id, status, attempts, last_error, campaign_id)
       VALUES ($1, 'delivery.digest', 'target@example.test', 'en', $2, 'failed', 5, '550 mailbox unavailable', $3)`,
      [randomUUID(), `<${randomUUID()}@example.test>`, campaignId],
    );
    return { campaignId, titles, emails };
  });
}

async function signIn(page: Page, email: string, labels = { email: "Email", password: "Password", submit: "Sign in" }) {
  await page.getByLabel(labels.email, { exact: true }).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: labels.submit }).click();
}

test("the dashboard says what needs doing and names places in each language", async ({ page }) => {
  test.setTimeout(180_000);
  const { campaignId, titles, emails } = await organizationWithCampaign();
  await page.goto("/en/admin/sign-in");
  await signIn(page, emails.owner);
  // The first page after signing in also waits for the password check, which takes its time on a busy machine.
  await expect(page.getByRole("heading", { level: 1, name: "Organizer dashboard" })).toBeVisible({ timeout: 30_000 });

  const attention = page.getByTestId("needs-attention");
  await expect(attention.getByRole("heading", { name: "Needs attention" })).toBeVisible();
  await expect(attention.locator("li[data-kind=held]")).toContainText(`${titles.en}: 1 letter waits for review`);
  await expect(attention.locator("li[data-kind=failed]")).toContainText("1 delivery to the target failed");
  await expect(attention.locator("li[data-kind=reasons]")).toContainText("1 reason waits for review");
  await expect(attention.locator("li[data-kind=closing]")).toContainText("Closes");
  await expect(attention.getByRole("link", { name: "1 letter waits for review" })).toHaveAttribute(
    "href",
    `/en/admin/campaigns/${campaignId}#held-heading`,
  );

  const figures = page.locator(".dashboard-campaign");
  await expect(figures.getByTestId("progress")).toHaveText("1,234 of 12,000 signatures (10%)");
  await expect(figures.getByTestId("letters-vs-signatures")).toHaveText("1 letter · 1,234 signatures");
  await expect(figures.getByRole("rowheader", { name: "South Korea", exact: true })).toBeVisible();
  await expect(figures.getByRole("rowheader", { name: "Seoul, South Korea" })).toBeVisible();
  await expect(figures.getByRole("rowheader", { name: "California, United States" })).toBeVisible();
  await expect(figures.getByRole("rowheader", { name: "newsletter" })).toBeVisible();
  await expect(figures).not.toContainText("KR ·");
  await expect(figures.getByRole("img", { name: /1,234 confirmed signatures in the last 14 days/ })).toBeVisible();
  await expectNoAxeViolations(page);
  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: `${shots}/dashboard-en.png`, fullPage: true });
  }

  await page.goto("/ko/admin");
  await expect(page.getByRole("heading", { level: 1, name: "주최자 대시보드" })).toBeVisible();
  const strip = page.getByTestId("needs-attention");
  await expect(strip.getByRole("heading", { name: "확인이 필요한 일" })).toBeVisible();
  await expect(strip.locator("li[data-kind=held]")).toContainText(`${titles.ko}: 검토를 기다리는 편지 1통`);
  await expect(strip.locator("li[data-kind=failed]")).toContainText("수신인에게 전달하지 못한 이메일 1건");
  await expect(strip.locator("li[data-kind=reasons]")).toContainText("검토를 기다리는 서명 이유 1건");
  await expect(strip.locator("li[data-kind=closing]")).toContainText("마감");
  const ko = page.locator(".dashboard-campaign");
  await expect(ko.getByTestId("progress")).toHaveText("확인된 서명 12,000명 중 1,234명(10%)");
  await expect(ko.getByRole("rowheader", { name: "대한민국", exact: true })).toBeVisible();
  await expect(ko.getByRole("rowheader", { name: "대한민국 서울특별시" })).toBeVisible();
  await expect(ko.getByRole("rowheader", { name: "미국 캘리포니아" })).toBeVisible();
  await expect(ko.getByRole("rowheader", { name: "유입 코드 없음" })).toBeVisible();
  await expect(page.getByTestId("campaign-list").getByTestId("confirmed")).toHaveText("1,234");
  await expect(page.locator("main, body").first()).not.toContainText(/\bletters?\b|\bdigest\b/i);
  await expectNoAxeViolations(page);
  if (shots) {
    await page.screenshot({ path: `${shots}/dashboard-ko.png`, fullPage: true });
    // The other organizer pages in Korean, to look at beside the dashboard.
    for (const [name, path] of [
      ["campaign", `/ko/admin/campaigns/${campaignId}`],
      ["edit", `/ko/admin/campaigns/${campaignId}/edit`],
      ["signals", `/ko/admin/campaigns/${campaignId}/signals`],
      ["exports", "/ko/admin/exports"],
      ["team", "/ko/admin/team"],
    ]) {
      await page.goto(path!);
      await page.screenshot({ path: `${shots}/${name}-ko.png`, fullPage: true });
    }
  }
});

test("a viewer sees the figures and no control their role cannot use", async ({ page }) => {
  test.setTimeout(180_000);
  const { campaignId, titles, emails } = await organizationWithCampaign();
  await page.goto("/en/admin/sign-in");
  await signIn(page, emails.viewer);
  await expect(page.getByRole("heading", { level: 1, name: "Organizer dashboard" })).toBeVisible();
  await expect(page.getByTestId("needs-attention")).toContainText("1 letter waits for review");
  await expect(page.getByRole("link", { name: "New campaign" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send the invitation" })).toHaveCount(0);

  await page.getByRole("link", { name: titles.en }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: titles.en })).toBeVisible();
  // The held letter is there to read, without Release or Reject; no Edit, Close or signer search either.
  await expect(page.getByText("Held subject")).toBeVisible();
  // Offered neither as a button nor as a link to a page that asks to confirm.
  for (const name of ["Release", "Reject", "Close the campaign", "Open the campaign", "Make a bundle now"]) {
    await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
    await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
  }
  for (const name of ["Edit", "Find a signer"])
    await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);

  // Asked for directly, the edit page shows the settings to read: no field, no Save.
  await page.goto(`/en/admin/campaigns/${campaignId}/edit`);
  await expect(page.getByTestId("read-only")).toContainText("can read this campaign's settings but not change them");
  await expect(page.getByText("target@example.test")).toBeVisible();
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.goto("/ko/admin/campaigns/new");
  await expect(page.getByText("현재 역할로는 캠페인을 만들 수 없습니다.")).toBeVisible();
  await expect(page.getByRole("textbox")).toHaveCount(0);
});

test("signing in returns to the organizer page asked for, and never to another site", async ({ page }) => {
  test.setTimeout(180_000);
  const { campaignId, titles, emails } = await organizationWithCampaign();
  await page.goto(`/ko/admin/campaigns/${campaignId}`);
  await expect(page).toHaveURL(`/ko/admin/sign-in?next=${encodeURIComponent(`/ko/admin/campaigns/${campaignId}`)}`);
  await signIn(page, emails.owner, { email: "이메일", password: "비밀번호", submit: "로그인" });
  await expect(page).toHaveURL(`/ko/admin/campaigns/${campaignId}`);
  await expect(page.getByRole("heading", { level: 1, name: titles.ko })).toBeVisible();

  for (const next of ["https://evil.example/en/admin", "//evil.example/en/admin", "/\\evil.example"]) {
    await page.context().clearCookies();
    await page.goto(`/en/admin/sign-in?next=${encodeURIComponent(next)}`);
    await signIn(page, emails.owner);
    await expect(page).toHaveURL("/en/admin");
    await expect(page.getByRole("heading", { level: 1, name: "Organizer dashboard" })).toBeVisible();
  }
});
