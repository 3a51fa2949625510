// "How you appear to the recipient" in the browser: the at-risk flagship pre-selects initials; each choice made in
// the form reaches the target's digest (its text and CSV, read from the local mailbox) as chosen; the link in the
// email changes the choice before the digest leaves.
import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { expect, expectNoAxeViolations, linkIn, openMail, query, test } from "./fixtures";

/** The digest to the target for one campaign, read from the mailbox the app keeps instead of sending. */
async function digestFor(title: string) {
  const dir = `.data/e2e-mailbox-${process.env.E2E_PORT ?? 3100}`;
  for (const name of await readdir(dir)) {
    if (!name.endsWith(".eml")) continue;
    const mail = await simpleParser(await readFile(join(dir, name)));
    if (mail.subject?.startsWith(`${title}:`)) return mail;
  }
  return null;
}

const options = {
  full: "Full name, city or region, and country",
  initials: /^Initials and country only/,
  counted: "Counted only, without my name",
} as const;

test("the at-risk flagship pre-selects initials and country, in both languages", async ({ page }) => {
  await page.goto("/en/c/human-rights-on-the-agenda");
  const group = page.getByRole("group", { name: "How you appear to the recipient" });
  await expect(group).toBeVisible();
  await expect(group.getByLabel(options.initials)).toBeChecked();
  await expect(group.getByLabel(options.full)).not.toBeChecked();
  await expectNoAxeViolations(page);
  await page.goto("/ko/c/human-rights-on-the-agenda");
  await expect(
    page.getByRole("group", { name: "받는 분에게 표시되는 방식" }).getByLabel(/^이니셜과 국가만/),
  ).toBeChecked();
});

test("each choice made in the form reaches the target's digest as chosen", async ({ page, campaign }) => {
  test.setTimeout(240_000);
  const { id } = (await query<{ id: string }>(`SELECT id FROM campaign WHERE slug = $1`, [campaign.slug]))[0]!;
  // Nothing leaves until every signer has confirmed, so that one digest carries them all.
  await query(`UPDATE campaign SET hold_until = now() + interval '1 day' WHERE id = $1`, [id]);
  const suffix = randomUUID().slice(0, 6);
  const signers = [
    { choice: "full", name: "Ada Full" },
    { choice: "initials", name: "Bea Initials" },
    { choice: "counted", name: "Cy Counted" },
    // Chooses full in the form, then only to be counted from the link in the email.
    { choice: "full", name: "Dee Changed", change: "counted" },
  ] as const;
  const withdrawLinks: string[] = [];
  for (const [i, s] of signers.entries()) {
    const email = `appear-${i}-${suffix}@example.test`;
    await page.goto(`/en/c/${campaign.slug}`);
    const group = page.getByRole("group", { name: "How you appear to the recipient" });
    // A campaign of standard risk pre-selects the full name.
    await expect(group.getByLabel(options.full)).toBeChecked();
    await page.getByLabel("Full name", { exact: true }).fill(s.name);
    await page.getByLabel("Email address", { exact: true }).fill(email);
    await page.getByLabel(/State/).selectOption("NY");
    await group.getByLabel(options[s.choice]).check();
    if (i === 0) await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Sign the letter" }).click();
    await expect(page.getByTestId("sign-success")).toContainText(email);

    const mail = await openMail(page, email, /Confirm your signature/);
    const chosen = { full: "Full name", initials: "Initials", counted: "Counted only" }[s.choice];
    expect(mail).toContain(`How you appear to the recipient: ${chosen}`);
    expect(mail).not.toContain(s.name);
    withdrawLinks.push(linkIn(mail, /\/en\/withdraw\//));
    await page.goto(linkIn(mail, /\/en\/confirm\//));
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await expect(page.getByTestId("action-result")).toBeVisible();

    if ("change" in s) {
      await page.goto(linkIn(mail, /\/en\/withdraw\//));
      const own = page.getByRole("group", { name: "How you appear to the recipient" });
      await expect(own.getByLabel(options.full)).toBeChecked();
      await own.getByLabel(options[s.change]).check();
      await page.getByRole("button", { name: "Save my choice" }).click();
      await expect(page.getByTestId("appearance-result")).toContainText("Saved.");
      await expectNoAxeViolations(page);
    }
  }

  await query(`UPDATE campaign SET hold_until = NULL WHERE id = $1`, [id]);
  let digest: Awaited<ReturnType<typeof digestFor>> = null;
  // The worker schedules deliveries once a minute.
  await expect(async () => {
    digest = await digestFor(campaign.titles.en);
    expect(digest).not.toBeNull();
  }).toPass({ timeout: 150_000, intervals: [2_000] });
  const mail = digest!;
  expect(mail.subject).toBe(`${campaign.titles.en}: 4 new signatures and no letters`);
  expect(mail.text).toContain("2 signers asked to be counted without their names and are not listed in the file.");
  const csv = mail.attachments[0]!.content.toString("utf8").replace(/^\uFEFF/, "");
  const today = new Date().toISOString().slice(0, 10);
  expect(csv.trim().split(/\r?\n/)).toEqual([
    "name,city_or_region,country,signed_on,shown_as",
    `Ada Full,New York,US,${today},full name`,
    `B. I.,,US,${today},initials`,
  ]);
  for (const hidden of ["Bea", "Initials", "Cy Counted", "Dee Changed"]) {
    expect(mail.text).not.toContain(hidden);
    expect(csv).not.toContain(hidden);
  }
  // Once delivered, the choice is fixed: the link page says so instead of offering the form.
  await page.goto(withdrawLinks[0]!);
  await expect(page.getByTestId("appearance-delivered")).toContainText("can no longer be changed");
  await expect(page.getByTestId("appearance-form")).toHaveCount(0);
});
