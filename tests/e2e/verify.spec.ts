// A signed delivery bundle, end to end: an organizer makes one on the campaign page and downloads it; anyone checks
// it on the public verification page, in English and Korean, and a bundle with one byte changed is refused.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { hashPassword } from "better-auth/crypto";
import pg from "pg";
import { e2eDatabaseUrl } from "../../playwright.config";
import { expect, expectNoAxeViolations, test } from "./fixtures";

const password = "e2e bundle owner password";

async function campaignWithSigners(): Promise<{ email: string; campaignId: string }> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl });
  await client.connect();
  try {
    const suffix = randomUUID().slice(0, 8);
    const [orgId, userId, campaignId] = [randomUUID(), randomUUID(), randomUUID()];
    const email = `bundle-owner-${suffix}@example.test`;
    await client.query(`INSERT INTO organization (id, slug, name) VALUES ($1, $2, $3)`, [
      orgId,
      `bundle-${suffix}`,
      `Bundle Coalition ${suffix}`,
    ]);
    await client.query(`INSERT INTO "user" (id, name, email, email_verified) VALUES ($1, 'Owner', $2, true)`, [
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
      `INSERT INTO campaign (id, organization_id, slug, status, goal, target_email, updated_at) VALUES ($1, $2, $3, 'open', 100, 'target@example.test', now())`,
      [campaignId, orgId, `bundle-${suffix}`],
    );
    for (const [locale, title, target] of [
      ["en", `Bundle campaign ${suffix}`, "The President"],
      ["ko", `묶음 캠페인 ${suffix}`, "대통령"],
    ] as const) {
      await client.query(
        `INSERT INTO campaign_translation (campaign_id, locale, title, summary, context, letter, target_name) VALUES ($1, $2, $3, 'S', 'C', 'Dear President,\n\nAct.', $4)`,
        [campaignId, locale, title, target],
      );
    }
    for (let i = 0; i < 7; i++) {
      await client.query(
        `INSERT INTO signature (id, campaign_id, email, email_key, name, country, region, locale, status, confirmed_at, show_name)
         VALUES ($1, $2, $3, $3, $4, 'US', 'CA', 'en', 'confirmed', now(), true)`,
        [randomUUID(), campaignId, `s${i}-${suffix}@example.test`, `Signer ${i}`],
      );
    }
    return { email, campaignId };
  } finally {
    await client.end();
  }
}

test("an organizer makes a bundle; the verification page accepts it and refuses a changed one, in both languages", async ({
  page,
}) => {
  const { email, campaignId } = await campaignWithSigners();
  await page.goto("/en/admin/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/en\/admin$/);
  await page.goto(`/en/admin/campaigns/${campaignId}`);
  await page.getByRole("button", { name: "Make a bundle now" }).click();
  const list = page.getByTestId("bundles");
  await expect(list).toContainText("7 signatures");

  const download = async (name: string) => {
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      list.getByRole("link", { name, exact: true }).first().click(),
    ]);
    return readFile((await file.path())!);
  };
  const [manifest, signature, pdf] = [
    await download("manifest.json"),
    await download("manifest.sig"),
    await download("bundle.pdf"),
  ];

  for (const [locale, authentic, refused, signatures] of [
    ["en", "This bundle is authentic", "This bundle could not be verified.", "Signatures"],
    ["ko", "진본입니다", "이 묶음은 검증되지 않았습니다.", "서명"],
  ] as const) {
    const check = async (pdfBytes: Buffer) => {
      await page.goto(`/${locale}/verify`);
      await page
        .locator("#verify-manifest")
        .setInputFiles({ name: "manifest.json", mimeType: "application/json", buffer: manifest });
      await page
        .locator("#verify-signature")
        .setInputFiles({ name: "manifest.sig", mimeType: "text/plain", buffer: signature });
      await page
        .locator("#verify-files")
        .setInputFiles({ name: "bundle.pdf", mimeType: "application/pdf", buffer: pdfBytes });
      await page.locator('form[action="/api/bundles/verify"] button[type="submit"]').click();
      return page.getByTestId("verify-result");
    };
    const result = await check(pdf);
    await expect(result).toContainText(authentic);
    await expect(result.getByRole("term").filter({ hasText: signatures }).first()).toBeVisible();
    await expect(page.getByTestId("verify-signatures")).toHaveText("7");
    await expect(result).not.toContainText("Signer 1");
    await expectNoAxeViolations(page);

    const changed = Buffer.from(pdf);
    changed[changed.length >> 1] = changed[changed.length >> 1]! ^ 1;
    await expect(await check(changed)).toContainText(refused);
  }
});
