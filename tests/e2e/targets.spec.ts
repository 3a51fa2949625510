// A campaign addressed to two targets: signers and writers see both, named in the page's language, on the campaign
// page (beside the open letter and in the sign form) and in the letter composer.
import { randomUUID } from "node:crypto";
import { expect, query, test } from "./fixtures";

const targets = [
  {
    email: "president@whitehouse.example.test",
    texts: { en: ["The President", "The White House"], ko: ["대통령", "백악관"] },
  },
  {
    email: "nsa@whitehouse.example.test",
    texts: {
      en: ["The National Security Advisor", "National Security Council"],
      ko: ["국가안보보좌관", "국가안보회의"],
    },
  },
] as const;

test("the campaign page, the sign form and the composer list both targets in both languages", async ({
  page,
  campaign,
}) => {
  const [row] = await query<{ id: string }>(`SELECT id FROM campaign WHERE slug = $1`, [campaign.slug]);
  const id = row!.id;
  for (const [position, target] of targets.entries()) {
    const targetId = randomUUID();
    await query(
      `INSERT INTO campaign_target (id, campaign_id, position, email, language, plan) VALUES ($1, $2, $3, $4, 'en', 'digest')`,
      [targetId, id, position, target.email],
    );
    for (const locale of ["en", "ko"] as const) {
      const [name, office] = target.texts[locale];
      await query(`INSERT INTO campaign_target_translation (target_id, locale, name, office) VALUES ($1, $2, $3, $4)`, [
        targetId,
        locale,
        name,
        office,
      ]);
    }
  }

  for (const locale of ["en", "ko"] as const) {
    const expected = targets.map((t) => `${t.texts[locale][0]}, ${t.texts[locale][1]}`);
    await page.goto(`/${locale}/c/${campaign.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(campaign.titles[locale]);
    await expect(page.getByTestId("campaign-targets").getByRole("listitem")).toHaveText(expected);
    await expect(page.getByTestId("sign-targets").getByRole("listitem")).toHaveText(expected);

    await page.goto(`/${locale}/c/${campaign.slug}/write`);
    await expect(page.getByTestId("composer-targets").getByRole("listitem")).toHaveText(expected);
    // The composer's introduction names them all, each with its office.
    for (const t of targets) {
      const [name, office] = t.texts[locale];
      await expect(page.getByText(`${name} (${office})`, { exact: false }).first()).toBeVisible();
    }
  }
  // No address of a target is ever shown.
  expect(await page.content()).not.toContain("whitehouse.example.test");
});
