import { randomUUID } from "node:crypto";
import { expect, expectNoAxeViolations, formTokenOf, linkIn, openMail, test } from "./fixtures";

const journeys = [
  {
    locale: "en",
    l: {
      write: "Write your own letter",
      next: "Next",
      topic: "Political prison camps",
      topic2: "Families of defectors",
      steps: "Steps of your letter",
      ownWords: "Why does this matter to you?",
      body: "Your letter",
      keep: "I have checked these details and want to keep them",
      name: "Full name",
      email: "Email address",
      city: "City or town",
      region: /^State/,
      alsoSign: "Count me as a signer of the open letter too",
      send: "Send my letter",
      success: "Check your email",
      confirm: "Confirm my letter",
      confirmed: "Your letter is confirmed and will be delivered, and your signature is counted.",
      stepHeading: (n: number, name: string) => `Step ${n} of 6: ${name}`,
      names: ["Topics", "Your voice", "Draft", "Safety check", "Your details", "Preview and send"],
      chooseTopic: "Choose at least one topic.",
      finding: "Hoeryong — A place in North Korea",
      unreviewed: "Edit the highlighted details",
      count: (n: number) => (n === 1 ? "1 confirmed signature" : "Be the first to co-sign"),
    },
    ownWords:
      "I teach students who came from North Korea. One of them grew up in Hoeryong and still cannot say goodbye to her grandmother.",
    addition: "\n\nPlease remember them in Singapore. <script>alert(1)</script> & thank you.",
    name: "Jane Doe",
    city: "Albany",
    region: "NY",
    country: "US",
    place: "Albany, New York, United States",
    // The delivery (and so its preview) is written in the campaign's language, English here.
    deliveredPlace: "Albany, New York, United States",
    subject: /Confirm your letter/,
  },
  {
    locale: "ko",
    l: {
      write: "직접 편지 쓰기",
      next: "다음",
      topic: "정치범수용소",
      topic2: "탈북민의 가족",
      steps: "편지 쓰기 단계",
      ownWords: "이 문제가 왜 중요하신가요?",
      body: "편지 내용",
      keep: "이 내용을 확인했으며 그대로 두겠습니다",
      name: "이름",
      email: "이메일 주소",
      city: "시·군·구",
      region: /^시·도/,
      alsoSign: "공개서한 서명자로도 집계해 주세요",
      send: "편지 보내기",
      success: "이메일을 확인해 주세요",
      confirm: "편지 확인하기",
      confirmed: "감사합니다. 편지가 확인되어 전달될 예정이며, 서명도 집계되었습니다.",
      stepHeading: (n: number, name: string) => `6단계 중 ${n}단계: ${name}`,
      names: ["주제", "나의 이야기", "초안", "안전 점검", "보내는 사람", "미리 보기와 보내기"],
      chooseTopic: "주제를 하나 이상 골라 주세요.",
      finding: "제 동생 김철수 — 가족의 이름",
      unreviewed: "강조 표시된 내용을 고치시거나",
      count: (n: number) => (n === 1 ? "확인된 서명 1명" : "첫 번째 서명자가 되어 주세요"),
    },
    ownWords: "저는 십 년 전에 한국에 온 탈북민입니다. 제 동생 김철수는 아직 북한에 있습니다.",
    addition: "\n\n싱가포르에서 꼭 이 이야기를 해 주십시오. <b>부탁드립니다</b> & 감사합니다.",
    name: "김하나",
    city: "종로구",
    region: "11",
    country: "KR",
    place: "종로구, 서울특별시, 대한민국",
    deliveredPlace: "종로구, Seoul, South Korea",
    subject: /편지를 확인해 주세요/,
  },
] as const;

for (const j of journeys) {
  test(`a supporter writes their own letter, step by step, and confirms it by email (${j.locale})`, async ({
    page,
    campaign,
  }) => {
    const { l } = j;
    const email = `writer-${randomUUID().slice(0, 8)}@example.test`;
    const heading = (n: number) => page.getByRole("heading", { level: 2, name: l.stepHeading(n, l.names[n - 1]!) });

    await page.goto(`/${j.locale}/c/${campaign.slug}`);
    await page.getByRole("link", { name: l.write }).click();
    await expect(page).toHaveURL(new RegExp(`/${j.locale}/c/${campaign.slug}/write$`));
    await expect(heading(1)).toBeVisible();
    await expect(page.getByRole("navigation", { name: l.steps }).getByRole("listitem").first()).toHaveAttribute(
      "aria-current",
      "step",
    );
    await expectNoAxeViolations(page);

    // Step 1: nothing chosen explains itself.
    await page.getByRole("button", { name: l.next }).click();
    await expect(page.getByTestId("error-summary")).toContainText(l.chooseTopic);
    await expectNoAxeViolations(page);
    await page.getByLabel(l.topic, { exact: true }).check();
    await page.getByLabel(l.topic2, { exact: true }).check();
    await page.getByRole("button", { name: l.next }).click();

    // Step 2
    await expect(heading(2)).toBeFocused();
    await page.getByLabel(l.ownWords).fill(j.ownWords);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: l.next }).click();

    // Step 3: the draft, in the letter's language; then a reload mid-draft loses nothing.
    await expect(heading(3)).toBeFocused();
    const body = page.getByLabel(l.body, { exact: true });
    await expect(body).toHaveAttribute("lang", j.locale);
    await expect(body).toHaveValue(new RegExp(j.ownWords.slice(0, 20)));
    await body.fill((await body.inputValue()) + j.addition);
    const written = await body.inputValue();
    await expectNoAxeViolations(page);
    await page.reload();
    await expect(heading(3)).toBeVisible();
    await expect(page.getByLabel(l.body, { exact: true })).toHaveValue(written);
    await page.getByRole("button", { name: l.next }).click();

    // Step 4: the safety warning.
    await expect(heading(4)).toBeFocused();
    await expect(page.getByTestId("safety-findings")).toContainText(l.finding);
    await expect(page.locator(".highlighted mark").first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: l.next }).click();
    await expect(page.getByTestId("error-summary")).toContainText(l.unreviewed);
    await page.getByLabel(l.keep).check();
    await page.getByRole("button", { name: l.next }).click();

    // Step 5
    await expect(heading(5)).toBeFocused();
    await page.getByLabel(l.name, { exact: true }).fill(j.name);
    await page.getByLabel(l.email, { exact: true }).fill(email);
    await page.getByLabel(l.city, { exact: true }).fill(j.city);
    await page.getByLabel(l.region).selectOption(j.region);
    await page.getByLabel(l.alsoSign).check();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: l.next }).click();

    // Step 6: the email exactly as delivered, its footer included; no reply asked for, so no address in it.
    await expect(heading(6)).toBeFocused();
    const preview = page.getByTestId("letter-preview");
    await expect(preview.locator(".letter-text")).toHaveText(
      `${written.trim()}\n\n-- \nSent by \u2068${j.name}\u2069, \u2068${j.deliveredPlace}\u2069 through Open Letters for the campaign “${campaign.titles.en}”. The writer's email address is not shared: replying to this email reaches the campaign's organizers.\n`,
    );
    await expect(preview).not.toContainText(email);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: l.send }).click();
    await expect(page.getByTestId("letter-success")).toContainText(l.success);
    await expect(page.getByTestId("letter-success")).toContainText(email);
    await expectNoAxeViolations(page);
    // Sent: the draft is gone from the browser.
    await page.reload();
    await expect(heading(1)).toBeVisible();

    // The confirmation mail carries a copy of the letter exactly as written.
    const mail = await openMail(page, email, j.subject);
    expect(mail).toContain(written.trim());
    expect(linkIn(mail, new RegExp(`/${j.locale}/letters/withdraw/`))).toBeTruthy();
    const confirmLink = linkIn(mail, new RegExp(`/${j.locale}/letters/confirm/`));

    // Opening the link only shows a button: fetching it confirms nothing.
    await page.goto(confirmLink);
    await expect(page.getByRole("button", { name: l.confirm })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: l.confirm }).click();
    await expect(page.getByTestId("action-result")).toContainText(l.confirmed);

    await page.goto(`/${j.locale}/c/${campaign.slug}`);
    await expect(page.getByTestId("confirmed-count")).toHaveText(l.count(1));
  });
}

test("a writer withdraws a letter from the link in their email", async ({ page, campaign }) => {
  const email = `withdraw-${randomUUID().slice(0, 8)}@example.test`;
  const formToken = await formTokenOf(page, `/en/c/${campaign.slug}/write`);
  const res = await page.request.post(`/api/campaigns/${campaign.slug}/letters`, {
    data: {
      topics: ["movement"],
      subject: "Freedom of movement",
      language: "en",
      name: "Temp Writer",
      email,
      city: "Berlin",
      country: "DE",
      locale: "en",
      formToken,
      body: "Dear Mr. President,\n\nPlease ask that North Koreans may travel freely within their own country. It matters to me.",
    },
  });
  expect(res.status()).toBe(202);
  expect(await res.json()).toEqual({ status: "pending_confirmation" });
  const mail = await openMail(page, email, /Confirm your letter/);
  await page.goto(linkIn(mail, /\/en\/letters\/withdraw\//));
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Withdraw my letter" }).click();
  await expect(page.getByTestId("action-result")).toContainText(
    "Your letter has been withdrawn and your details deleted.",
  );
  await page.goto(linkIn(mail, /\/en\/letters\/confirm\//));
  await expect(page.getByRole("status")).toContainText("no longer valid");
});
