// What a letter writer is promised about their address and about time, followed through to the target's mailbox:
// Reply-To is the writer only when they tick it; a campaign's cooling-off hold keeps a confirmed letter back (the
// confirm and withdraw pages say until when) while the next delivery tick carries a letter without a hold.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, formTokenOf, linkIn, openMail, query, test } from "./fixtures";

const body =
  "Dear Mr. President,\n\nPlease raise the prison camps at the summit. They hold tens of thousands of people.";

/** Writes a letter through the API as a script would, confirms it through the link in its email; returns its id. */
async function writeAndConfirm(page: Page, slug: string, subject: string, replyConsent: boolean) {
  const email = `privacy-${randomUUID().slice(0, 8)}@example.test`;
  const formToken = await formTokenOf(page, `/en/c/${slug}/write`);
  const res = await page.request.post(`/api/campaigns/${slug}/letters`, {
    data: {
      topics: ["prison-camps"],
      subject,
      language: "en",
      name: "Pat Writer",
      email,
      city: "Albany",
      region: "NY",
      country: "US",
      locale: "en",
      replyConsent,
      formToken,
      body,
    },
  });
  expect(res.status()).toBe(202);
  const mail = await openMail(page, email, /Confirm your letter/);
  await page.goto(linkIn(mail, /\/en\/letters\/confirm\//));
  await page.getByRole("button", { name: "Confirm my letter" }).click();
  await expect(page.getByTestId("action-result")).toContainText("Your letter is confirmed");
  return { email, withdraw: linkIn(mail, /\/en\/letters\/withdraw\//) };
}

/** Waits for the delivery tick (once a minute) to bring a letter with this subject to the target; opens it. */
async function openDelivery(page: Page, subject: string) {
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(page.getByRole("row").filter({ hasText: subject }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 100_000, intervals: [2000] });
  await page.getByRole("row").filter({ hasText: subject }).first().getByRole("link").click();
  return {
    replyTo: (await page.getByTestId("mail-reply-to").textContent()) ?? "",
    text: (await page.locator("pre.mail-text").textContent()) ?? "",
  };
}

test("Reply-To is the writer only when ticked; a held letter waits, says until when, and can be withdrawn", async ({
  page,
  campaign,
}) => {
  test.setTimeout(400_000);
  const suffix = randomUUID().slice(0, 6);
  const campaignId = (await query<{ id: string }>(`SELECT id FROM campaign WHERE slug = $1`, [campaign.slug]))[0]!.id;
  // The test's campaign gets a 24-hour cooling-off hold; a second one below has none.
  const held = campaign.slug;
  await query(`UPDATE campaign SET letter_hold_hours = 24, sender_email = $2 WHERE id = $1`, [
    campaignId,
    "E2E Coalition <letters@coalition.example.test>",
  ]);

  // The held letter: the confirm page names the moment it leaves, in UTC.
  const waiting = await writeAndConfirm(page, held, `Held letter ${suffix}`, true);
  const { id: heldId, confirmed_at: confirmedAt } = (
    await query<{ id: string; confirmed_at: Date }>(`SELECT id, confirmed_at FROM letter WHERE email_key = $1`, [
      waiting.email,
    ])
  )[0]!;
  const leaves = new Intl.DateTimeFormat("en", {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
    timeZone: "UTC",
  }).format(new Date(confirmedAt.getTime() + 24 * 3_600_000));
  await expect(page.getByTestId("action-detail")).toHaveText(
    `It leaves for The President of the United States no earlier than ${leaves}. Until then, the withdraw link in your email stops it: it will never be delivered.`,
  );
  await expectNoAxeViolations(page);

  // Two letters in a campaign without a hold, one with replies to the writer and one without.
  const { slug: open } = await createOpenCampaign(suffix);
  const withReply = await writeAndConfirm(page, open, `With reply ${suffix}`, true);
  await writeAndConfirm(page, open, `Without reply ${suffix}`, false);

  const replied = await openDelivery(page, `With reply ${suffix}`);
  expect(replied.replyTo).toContain(withReply.email);
  expect(replied.text).toContain("replying to this email answers the writer directly");
  const notReplied = await openDelivery(page, `Without reply ${suffix}`);
  expect(notReplied.replyTo).toMatch(/^"?E2E Open"? <letters@open\.example\.test>$/);
  expect(notReplied.text).not.toContain("@example.test");
  expect(notReplied.text).toContain("replying to this email reaches the campaign's organizers");

  // After delivery, the withdraw link says plainly what reached the target, and still erases our copy.
  await page.goto(withReply.withdraw);
  await expect(page.getByTestId("delivered")).toContainText(
    "its subject and text, your name, city, region and country, and your email address as its reply address",
  );
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Erase our copy" }).click();
  await expect(page.getByTestId("action-result")).toContainText("Our copy of your letter is erased.");
  expect(
    await query(
      `SELECT email, body FROM letter WHERE email_key IS NULL AND subject = '' AND status = 'delivered'
    AND campaign_id = (SELECT id FROM campaign WHERE slug = $1)`,
      [open],
    ),
  ).toEqual([{ email: null, body: "" }]);

  // That tick ran after the held letter was confirmed, and left it where it was.
  expect(await query(`SELECT status::text FROM letter WHERE id = $1`, [heldId])).toEqual([{ status: "confirmed" }]);
  await page.goto("/dev/mailbox");
  await expect(page.getByRole("row").filter({ hasText: `Held letter ${suffix}` })).toHaveCount(0);

  // Its withdraw page names the same moment, and withdrawing still works.
  await page.goto(waiting.withdraw);
  await expect(page.getByTestId("withdraw-body")).toContainText(`no earlier than ${leaves}`);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Withdraw my letter" }).click();
  await expect(page.getByTestId("action-result")).toContainText("Your letter has been withdrawn");
  expect(await query(`SELECT status::text FROM letter WHERE id = $1`, [heldId])).toEqual([{ status: "withdrawn" }]);
});

test("the composer's preview shows From and Reply-To as the target will get them, in both choices", async ({
  page,
  campaign,
}) => {
  await page.goto(`/en/c/${campaign.slug}/write`);
  await page.getByLabel("Political prison camps", { exact: true }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Why does this matter to you?").fill("I teach students who care about this a great deal.");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  const keep = page.getByLabel("I have checked these details and want to keep them");
  if (await keep.isVisible()) await keep.check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Full name", { exact: true }).fill("Pat Writer");
  await page.getByLabel("Email address", { exact: true }).fill("pat@example.test");
  await page.getByLabel("City or town", { exact: true }).fill("Albany");
  await page.getByLabel(/^State/).selectOption("NY");
  const reply = page.getByLabel("Let the recipient's office reply to me by email");
  await expect(reply).not.toBeChecked();
  await expect(page.getByRole("link", { name: "Where your details go" }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByTestId("preview-from")).toHaveText("Open Letters <no-reply@open-letters.localhost>");
  await expect(page.getByTestId("preview-reply-to")).toHaveText("Open Letters <no-reply@open-letters.localhost>");
  await expect(page.getByTestId("letter-preview")).not.toContainText("pat@example.test");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Back" }).click();
  await page.getByLabel("Let the recipient's office reply to me by email").check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByTestId("preview-reply-to")).toHaveText("Pat Writer <pat@example.test>");
  await expect(page.getByTestId("preview-text")).toContainText("replying to this email answers the writer directly");
});

test("“Where your details go” in both languages, linked from the footer and the sign form", async ({
  page,
  campaign,
}) => {
  for (const [locale, heading, link] of [
    ["en", "Where your details go", "Where your details go"],
    ["ko", "내 정보는 어디로 가나요", "내 정보는 어디로 가나요"],
  ] as const) {
    await page.goto(`/${locale}/c/${campaign.slug}`);
    await expect(page.locator("form.sign-form").getByRole("link", { name: link })).toBeVisible();
    await page.getByRole("contentinfo").getByRole("link", { name: link }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/privacy#where$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(page.getByTestId("where-nobody")).toBeVisible();
    await expectNoAxeViolations(page);
  }
});

/** A campaign without a hold of its own (LETTER_HOLD_HOURS is 0 for the browser tests), with its own sender. */
async function createOpenCampaign(suffix: string) {
  const [source] = await query<{ id: string; organization_id: string }>(
    `SELECT id, organization_id FROM campaign WHERE slug LIKE 'e2e-%' ORDER BY created_at DESC LIMIT 1`,
    [],
  );
  const id = randomUUID();
  const slug = `e2e-open-${suffix}`;
  await query(
    `INSERT INTO campaign (id, organization_id, slug, status, goal, target_email, sender_email, updated_at)
     VALUES ($1, $2, $3, 'open', 200, 'target@example.test', 'E2E Open <letters@open.example.test>', now())`,
    [id, source!.organization_id, slug],
  );
  await query(
    `INSERT INTO campaign_translation (campaign_id, locale, title, summary, context, letter, sources, target_name)
     SELECT $1, locale, title || ' (open)', summary, context, letter, sources, target_name FROM campaign_translation
      WHERE campaign_id = $2`,
    [id, source!.id],
  );
  await query(
    `WITH t AS (SELECT id, key, position, gen_random_uuid() AS new_id FROM campaign_topic WHERE campaign_id = $2),
          ins AS (INSERT INTO campaign_topic (id, campaign_id, key, position) SELECT new_id, $1, key, position FROM t)
     INSERT INTO campaign_topic_translation (topic_id, locale, title, fact, ask, source, paragraph)
     SELECT t.new_id, tt.locale, tt.title, tt.fact, tt.ask, tt.source, tt.paragraph
       FROM t JOIN campaign_topic_translation tt ON tt.topic_id = t.id`,
    [id, source!.id],
  );
  return { slug };
}
