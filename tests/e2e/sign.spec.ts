import { randomUUID } from "node:crypto";
import { burstSeconds, expect, expectNoAxeViolations, formTokenOf, linkIn, openMail, test } from "./fixtures";

const journeys = [
  {
    locale: "en",
    labels: {
      name: "Full name",
      email: "Email address",
      country: "Country",
      region: "State",
      submit: "Sign the letter",
    },
    region: "NY",
    country: "US",
    subject: /Confirm your signature/,
    success: "Check your email",
    confirmButton: "Confirm my signature",
    confirmed: "Your signature is confirmed and counted.",
    count: (n: number) => (n === 1 ? "1 confirmed signature" : "Be the first to co-sign"),
  },
  {
    locale: "ko",
    labels: { name: "이름", email: "이메일 주소", country: "국가", region: "시·도", submit: "서명하기" },
    region: "11",
    country: "KR",
    subject: /서명을 확인해 주세요/,
    success: "이메일을 확인해 주세요",
    confirmButton: "서명 확인하기",
    confirmed: "서명이 확인되어 집계되었습니다.",
    count: (n: number) => (n === 1 ? "확인된 서명 1명" : "첫 번째 서명자가 되어 주세요"),
  },
] as const;

for (const j of journeys) {
  test(`a supporter signs, confirms by email and is counted (${j.locale})`, async ({ page, campaign }) => {
    const email = `signer-${randomUUID().slice(0, 8)}@example.test`;
    await page.goto(`/${j.locale}/c/${campaign.slug}`);
    await expect(page.locator("html")).toHaveAttribute("lang", j.locale);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(campaign.titles[j.locale]);
    await expect(page.getByTestId("confirmed-count")).toHaveText(j.count(0));
    await expectNoAxeViolations(page);

    // An empty submission explains itself and sends nothing.
    await page.getByRole("button", { name: j.labels.submit }).click();
    await expect(page.getByTestId("error-summary")).toBeVisible();
    await expect(page.getByLabel(j.labels.name, { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);

    await page.getByLabel(j.labels.name, { exact: true }).fill(j.locale === "ko" ? "김하나" : "Jane Doe");
    await page.getByLabel(j.labels.email, { exact: true }).fill(email);
    await expect(page.getByLabel(j.labels.country, { exact: true })).toHaveValue(j.country);
    await page.getByLabel(new RegExp(j.labels.region)).selectOption(j.region);
    await page.getByRole("button", { name: j.labels.submit }).click();
    await expect(page.getByTestId("sign-success")).toContainText(j.success);
    await expect(page.getByTestId("sign-success")).toContainText(email);

    const mail = await openMail(page, email, j.subject);
    const confirmLink = linkIn(mail, new RegExp(`/${j.locale}/confirm/`));
    expect(linkIn(mail, new RegExp(`/${j.locale}/withdraw/`))).toBeTruthy();

    // Opening the link only shows a button: fetching it counts nothing.
    await page.goto(confirmLink);
    await expect(page.getByRole("button", { name: j.confirmButton })).toBeVisible();
    await expectNoAxeViolations(page);
    const countNow = await page.request.get(`/api/campaigns/${campaign.slug}/count`);
    expect(await countNow.json()).toEqual({ confirmed: 0, goal: 200 });

    await page.getByRole("button", { name: j.confirmButton }).click();
    await expect(page.getByTestId("action-result")).toContainText(j.confirmed);

    await page.goto(`/${j.locale}/c/${campaign.slug}`);
    await expect(page.getByTestId("confirmed-count")).toHaveText(j.count(1));
  });
}

test("a signer withdraws from the link in their email and is no longer counted", async ({ page, campaign }) => {
  const email = `withdraw-${randomUUID().slice(0, 8)}@example.test`;
  const formToken = await formTokenOf(page, `/en/c/${campaign.slug}`);
  const res = await page.request.post(`/api/campaigns/${campaign.slug}/signatures`, {
    data: { name: "Temp Signer", email, country: "DE", locale: "en", formToken },
  });
  expect(res.status()).toBe(202);
  const mail = await openMail(page, email, /Confirm your signature/);
  await page.goto(linkIn(mail, /\/en\/confirm\//));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByTestId("action-result")).toBeVisible();
  expect(await (await page.request.get(`/api/campaigns/${campaign.slug}/count`)).json()).toMatchObject({
    confirmed: 1,
  });

  await page.goto(linkIn(mail, /\/en\/withdraw\//));
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Withdraw my signature" }).click();
  await expect(page.getByTestId("action-result")).toContainText("Your signature has been withdrawn");
  expect(await (await page.request.get(`/api/campaigns/${campaign.slug}/count`)).json()).toMatchObject({
    confirmed: 0,
  });
});

test("a signer whose browser fills the form in at once and who presses Sign straight away gets the email", async ({
  page,
  campaign,
}) => {
  const email = `autofill-${randomUUID().slice(0, 8)}@example.test`;
  await page.goto(`/en/c/${campaign.slug}`);
  await expect(page.locator("form.sign-form")).toHaveAttribute("data-scripted", "true");
  // Autofill: every field at once, then Sign, well within the minimum time (2 s on this server).
  await page.getByLabel("Full name", { exact: true }).fill("Quick Fingers");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel(/State/).selectOption("NY");
  await page.getByRole("button", { name: "Sign the letter" }).click();
  // The browser holds the form back for the rest of the time, and says it is sending.
  await expect(page.getByRole("button", { name: "Signing…" })).toBeDisabled();
  await expect(page.getByTestId("sign-sending")).toHaveText("Signing…");
  await expect(page.getByTestId("sign-success")).toContainText(`We have sent a confirmation link to ${email}`);
  await expectNoAxeViolations(page);
  expect(await openMail(page, email, /Confirm your signature/)).toContain("/en/confirm/");

  // Signing again at once says truthfully that the link went out a few minutes ago.
  await page.goto(`/en/c/${campaign.slug}`);
  await page.getByLabel("Full name", { exact: true }).fill("Quick Fingers");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel(/State/).selectOption("NY");
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await expect(page.getByTestId("sign-success")).toContainText(
    `We already sent a confirmation link to ${email} a few minutes ago`,
  );
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form still signs", async ({ page, campaign }) => {
    const email = `nojs-${randomUUID().slice(0, 8)}@example.test`;
    await page.goto(`/en/c/${campaign.slug}`);
    await page.getByLabel("Full name", { exact: true }).fill("No Script");
    await page.getByLabel("Email address", { exact: true }).fill(email);
    await page.getByLabel(/State/).selectOption("TX");
    await page.getByRole("button", { name: "Sign the letter" }).click();
    await expect(page.getByTestId("sign-success")).toContainText(email);
  });
});

test("on a phone, the Co-sign link at the top jumps to the form", async ({ page, campaign }) => {
  await page.goto(`/en/c/${campaign.slug}`);
  const jump = page.getByRole("link", { name: "Co-sign", exact: true });
  if ((page.viewportSize()?.width ?? 0) >= 900) {
    // Beside the text the form is already in view: no jump.
    await expect(jump).toBeHidden();
    return;
  }
  await expect(jump).toBeInViewport();
  await jump.click();
  await expect(page).toHaveURL(new RegExp(`/en/c/${campaign.slug}#sign$`));
  await expect(page.getByRole("heading", { name: "Co-sign the letter" })).toBeInViewport();
  await expectNoAxeViolations(page);
});

test("the language switch keeps the reader on the same page", async ({ page, campaign }) => {
  await page.goto(`/en/c/${campaign.slug}`);
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "한국어" }).click();
  await expect(page).toHaveURL(new RegExp(`/ko/c/${campaign.slug}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(campaign.titles.ko);
});

/** Bots fill the honeypot: each is stored as suspected, and enough of them turn the challenge on for the campaign. */
async function attack(page: import("@playwright/test").Page, slug: string) {
  for (let i = 0; i < 5; i++) {
    const res = await page.request.post(`/api/campaigns/${slug}/signatures`, {
      data: {
        name: "Bot",
        email: `bot-${i}-${randomUUID().slice(0, 6)}@example.test`,
        country: "DE",
        website: "http://spam.example",
      },
    });
    expect([202, 428]).toContain(res.status());
  }
  const probe = await page.request.post(`/api/campaigns/${slug}/signatures`, {
    data: { name: "Probe", email: `probe-${randomUUID().slice(0, 6)}@example.test`, country: "DE" },
  });
  expect(probe.status()).toBe(428);
  expect((await probe.json()).error).toMatchObject({
    code: "challenge_required",
    challenge: { algorithm: "sha256-leading-zero-bits" },
  });
}

test("under attack, the form solves the challenge in the browser and signs", async ({ page, campaign }) => {
  await attack(page, campaign.slug);
  const email = `solver-${randomUUID().slice(0, 8)}@example.test`;
  await page.goto(`/en/c/${campaign.slug}`);
  await page.getByLabel("Full name", { exact: true }).fill("Jane Solver");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel(/State/).selectOption("NY");
  const started = Date.now();
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await expect(page.getByTestId("sign-success")).toContainText(email, { timeout: 30_000 });
  console.log(`[e2e] challenge solved and signed in ${Date.now() - started} ms`);
  await expectNoAxeViolations(page);
  expect(await openMail(page, email, /Confirm your signature/)).toContain("/en/confirm/");
});

test.describe("without JavaScript, under attack", () => {
  test.use({ javaScriptEnabled: false });

  test("the form hands out a waiting ticket, and signing again after the wait goes through", async ({
    page,
    campaign,
  }) => {
    // The junk comes from this machine's network, which is also the signer's: the challenge is on for them.
    await attack(page, campaign.slug);
    const email = `nojs-${randomUUID().slice(0, 8)}@example.test`;
    await page.goto(`/en/c/${campaign.slug}`);
    await page.getByLabel("Full name", { exact: true }).fill("No Script");
    await page.getByLabel("Email address", { exact: true }).fill(email);
    await page.getByLabel(/State/).selectOption("TX");
    await page.getByRole("button", { name: "Sign the letter" }).click();
    await expect(page.getByTestId("challenge-status")).toContainText(
      "Without JavaScript, please wait 2 seconds, then press “Sign the letter” again",
    );
    await expect(page.getByLabel("Full name", { exact: true })).toHaveValue("No Script");
    await expect(page.getByLabel("Email address", { exact: true })).toHaveValue(email);

    // The wait the page asks for (CHALLENGE_WAIT_SECONDS=2 on this server), as the person would wait it.
    await page.waitForTimeout(2200);
    await page.getByRole("button", { name: "Sign the letter" }).click();
    await expect(page.getByTestId("sign-success")).toContainText(`We have sent a confirmation link to ${email}`);
    expect(await openMail(page, email, /Confirm your signature/)).toContain("/en/confirm/");
  });
});

test("a spoofed X-Forwarded-For does not get around the burst limit on the real server", async ({ page, campaign }) => {
  const formToken = await formTokenOf(page, `/en/c/${campaign.slug}`);
  const post = (i: number) =>
    page.request.post(`/api/campaigns/${campaign.slug}/signatures`, {
      headers: { "x-forwarded-for": `10.${i}.0.1` },
      data: { name: "Burst", email: `burst-${i}-${randomUUID().slice(0, 6)}@example.test`, country: "DE", formToken },
    });
  // Forty at once, each claiming another address: were the header believed, none would be refused. Counted under
  // the one real address, more than the burst limit (15 in 2 s here) lands in one window and is refused with 429.
  // On a slow machine a round can reach into the next window, where this network's refusals have by then turned the
  // challenge on (CHALLENGE_SUSPECT_PER_5_MINUTES=5 here): 428 is a refusal too, never an acceptance.
  let refused: Awaited<ReturnType<typeof post>> | undefined;
  for (let round = 0; round < 5 && !refused; round++) {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => post(round * 40 + i)));
    expect(answers.map((res) => res.status()).filter((status) => ![202, 428, 429].includes(status))).toEqual([]);
    refused = answers.find((res) => res.status() === 429);
  }
  expect(refused).toBeDefined();
  const retryAfter = Number(refused!.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect((await refused!.json()).error.code).toBe("rate_limited");
  // Let the last window this test counted in pass, so the tests after it start afresh.
  await page.waitForTimeout(burstSeconds * 1000 + 200);
});
