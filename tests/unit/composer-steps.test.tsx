import { beforeEach, describe, expect, it, vi } from "vitest";
import { screen, within, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { flagshipCampaign } from "@/prisma/seed-data/flagship";
import { renderComposer, storageKey } from "./support/composer";

const paragraph = (key: string, lang: "en" | "ko") =>
  flagshipCampaign.topics.find((t) => t.key === key)!.texts[lang].paragraph;

beforeEach(() => window.localStorage.clear());

async function toDraft(
  user: ReturnType<typeof userEvent.setup>,
  ownWords = "My students came from North Korea, and their stories changed how I see this summit.",
) {
  await user.click(screen.getByLabelText("Political prison camps"));
  await user.click(screen.getByLabelText("Families of defectors"));
  await user.click(screen.getByRole("button", { name: "Next" }));
  await user.click(screen.getByLabelText("A supporter of human rights in North Korea"));
  if (ownWords) await user.type(screen.getByLabelText("Why does this matter to you?"), ownWords);
  await user.click(screen.getByRole("button", { name: "Next" }));
}

describe("the letter composer", () => {
  it("step 1 shows each topic with its fact, ask and source, and needs at least one", async () => {
    const user = userEvent.setup();
    renderComposer();
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Step 1 of 6: Topics");
    const camps = screen.getByLabelText("Political prison camps");
    expect(camps).toHaveAccessibleDescription(
      /Fact: An estimated 80,000 to 120,000 people.*The ask: Dismantle the camps.*Source: Estimates cited/,
    );
    expect(screen.getAllByRole("checkbox")).toHaveLength(7);

    await user.click(screen.getByRole("button", { name: "Next" }));
    const summary = screen.getByRole("alert");
    expect(summary).toHaveTextContent("One answer needs your attention.");
    expect(summary).toHaveTextContent("Choose at least one topic.");
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole("link")).toHaveAttribute("href", `#${camps.id}`);
    expect(camps).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Step 1 of 6");
  });

  it("step 3 keeps a pasted subject whole and refuses it over the limit instead of cutting it", async () => {
    const user = userEvent.setup();
    renderComposer();
    await toDraft(user);
    const subject = screen.getByLabelText("Subject");
    expect(subject).not.toHaveAttribute("maxLength");
    await user.clear(subject);
    await user.click(subject);
    await user.paste("a".repeat(200));
    expect(subject).toHaveValue("a".repeat(200));
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(subject).toHaveAttribute("aria-invalid", "true");
    expect(subject).toHaveAccessibleDescription("This is too long.");
  });

  it("step 2 asks who the writer is (optional) and for their own words, with a caution about family details", async () => {
    const user = userEvent.setup();
    renderComposer();
    await user.click(screen.getByLabelText("Freedom of movement"));
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Step 2 of 6: Your voice");
    expect(screen.getByRole("radio", { name: "I'd rather not say" })).toBeChecked();
    expect(screen.getByRole("radio", { name: "English" })).toBeChecked();
    expect(screen.getByLabelText("Why does this matter to you?")).toHaveAccessibleDescription(
      /leave out their names, your home town and when you left/,
    );
    // Nothing here is required.
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Step 3 of 6: Draft");
  });

  it("step 3 assembles the draft from the topics and the writer's words, counts its length and measures its own words", async () => {
    const user = userEvent.setup();
    renderComposer();
    await toDraft(user);
    const body = screen.getByLabelText("Your letter") as HTMLTextAreaElement;
    expect(body.value.split("\n\n")).toEqual([
      "Dear Mr. President,",
      "My students came from North Korea, and their stories changed how I see this summit.",
      paragraph("prison-camps", "en"),
      paragraph("families", "en"),
      "Sincerely,",
    ]);
    expect(screen.getByLabelText("Subject")).toHaveValue("Put human rights on the summit agenda");
    expect(screen.getByTestId("length-count")).toHaveTextContent(`${body.value.length} of at most 5,000 characters`);
    const percent = Number(/about (\d+)% of the letter/.exec(screen.getByTestId("personalisation").textContent!)![1]);
    expect(percent).toBeGreaterThan(5);
    expect(percent).toBeLessThan(30);
    expect(screen.getByTestId("personalisation")).toHaveAttribute("data-level", "low");
    await user.type(
      body,
      " Three of them still cannot reach their families, and every week they ask me whether anyone in Washington is listening.",
    );
    expect(screen.getByTestId("personalisation")).toHaveAttribute("data-level", "some");

    await user.clear(body);
    await user.type(body, "Too short.");
    expect(screen.getByTestId("length-count")).toHaveTextContent("10 characters: at least 100 needed");
    await user.clear(screen.getByLabelText("Subject"));
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByRole("alert")).toHaveTextContent("2 answers need your attention.");
    expect(screen.getByLabelText("Subject")).toHaveAccessibleDescription("This field is required.");
    expect(body).toHaveAttribute("aria-invalid", "true");

    // The writer's own text is never overwritten behind their back, but they may rebuild it on purpose.
    await user.click(screen.getByRole("button", { name: "Rebuild the draft from my choices" }));
    expect(body.value).toContain(paragraph("families", "en"));
  });

  it("step 4 highlights risky details, explains why in both languages, and needs an edit or a knowing keep", async () => {
    const user = userEvent.setup();
    renderComposer();
    await toDraft(user, "My brother Kim Chol-su is still in Hoeryong. I escaped in March 2015.");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Step 4 of 6: Safety check");
    expect(screen.getByText(/North Korea punishes families/)).toHaveAttribute("lang", "en");
    expect(screen.getByText(/북한 당국은 해외에 있는 가족의 행동을 이유로/)).toHaveAttribute("lang", "ko");
    const list = screen.getByTestId("safety-findings");
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "My brother Kim Chol-su — A relative's name",
      "Hoeryong — A place in North Korea",
      "escaped in March 2015 — A date of leaving or escape",
    ]);
    expect(document.querySelectorAll(".highlighted mark")).toHaveLength(3);
    // A list of findings is not a promise that nothing else is there.
    expect(screen.getByTestId("safety-also-missed")).toHaveTextContent("also misses many details");

    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Edit the highlighted details, or confirm that you want to keep them.",
    );

    // Editing takes the writer back to the draft; removing the details clears the warning.
    await user.click(screen.getByRole("button", { name: "Edit my letter" }));
    const body = screen.getByLabelText("Your letter") as HTMLTextAreaElement;
    expect(body).toBeInTheDocument();
    const cleaned = body.value.replace(
      "My brother Kim Chol-su is still in Hoeryong. I escaped in March 2015.",
      "Someone I love is still there.",
    );
    await user.clear(body);
    await user.click(body);
    await user.paste(cleaned);
    await user.click(screen.getByRole("button", { name: "Next" }));
    // Finding nothing is said plainly, with what the check misses and what to do about it.
    expect(screen.getByTestId("safety-none")).toHaveTextContent(
      "The automatic check found nothing to point out. It misses many details, so please read your letter once more",
    );
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Step 5 of 6: Your details");
  });

  it("steps 5 and 6: details with privacy choices off, a preview exactly as delivered, then sending", async () => {
    const user = userEvent.setup();
    const { submit } = renderComposer(
      "en",
      vi.fn(async () => ({ ok: true as const })),
    );
    await toDraft(user);
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByLabelText("Count me as a signer of the open letter too")).not.toBeChecked();
    expect(screen.getByLabelText("Show my name publicly")).not.toBeChecked();
    expect(screen.getByLabelText("Send me updates about this campaign")).not.toBeChecked();
    // How the writer appears to the recipient: the campaign's choice pre-selected, next to the name and place.
    expect(screen.getByRole("group", { name: "How you appear to the recipient" })).toBeInTheDocument();
    expect(screen.getByLabelText(/^Initials and country only/)).toBeChecked();
    await user.click(screen.getByLabelText("Counted only, without my name"));

    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByRole("alert")).toHaveTextContent("4 answers need your attention.");
    expect(screen.getByLabelText("Full name")).toHaveAccessibleDescription("This field is required.");

    await user.type(screen.getByLabelText("Full name"), "Jane Doe");
    await user.type(screen.getByLabelText(/Email address/), "jane@example.org");
    await user.type(screen.getByLabelText("City or town"), "Albany");
    await user.selectOptions(screen.getByLabelText(/^State/), "NY");
    await user.click(screen.getByLabelText("Count me as a signer of the open letter too"));
    await user.click(screen.getByRole("button", { name: "Next" }));

    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Step 6 of 6: Preview and send");
    const preview = screen.getByTestId("letter-preview");
    expect(preview).toHaveTextContent("ToThe President of the United States");
    expect(preview).toHaveTextContent("FromHuman Rights Now <letters@hrn.example>");
    // Not ticked: the recipient's office gets the campaign's address to reply to, never the writer's.
    expect(screen.getByTestId("preview-reply-to")).toHaveTextContent("Human Rights Now <letters@hrn.example>");
    expect(preview).not.toHaveTextContent("jane@example.org");
    expect(preview).toHaveTextContent("SubjectPut human rights on the summit agenda");
    // Counted only: the letter is signed without the writer's name or place (lib/delivery/appear-as.ts).
    expect(preview).not.toHaveTextContent("Jane Doe");
    expect(preview.querySelector(".letter-text")!.textContent).toMatch(
      /Sincerely,\n\n-- \nSent by a writer who asked not to be named through Open Letters for the campaign “Put human rights on the summit agenda”\. The writer's email address is not shared: replying to this email reaches the campaign's organizers\.\n$/,
    );
    expect(screen.getByTestId("preview-reply-note")).toHaveTextContent("replies from the recipient's office go to");

    // Ticked, the writer's own address becomes the Reply-To, in the preview as in the delivery.
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(screen.getByLabelText("Let the recipient's office reply to me by email")).not.toBeChecked();
    await user.click(screen.getByLabelText("Let the recipient's office reply to me by email"));
    await user.click(screen.getByRole("button", { name: "Next" }));
    // Counted only, the address goes alone: no name beside it (compose-letter-delivery.ts).
    expect(screen.getByTestId("preview-reply-to")).toHaveTextContent(/^jane@example\.org$/);
    expect(screen.getByTestId("preview-text")).toHaveTextContent("replying to this email answers the writer directly");
    expect(screen.getByText(/We will send a confirmation link to jane@example.org/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Send my letter" }));
    expect(await screen.findByTestId("letter-success")).toHaveTextContent(
      "We have sent a confirmation link to jane@example.org",
    );
    expect(screen.getByTestId("letter-success")).toHaveFocus();
    expect(submit).toHaveBeenCalledTimes(1);
    const [slugSent, input] = vi.mocked(submit).mock.calls[0]!;
    expect(slugSent).toBe("human-rights-on-the-agenda");
    expect(input).toMatchObject({
      topics: ["prison-camps", "families"],
      language: "en",
      writerRole: "supporter",
      name: "Jane Doe",
      region: "NY",
      alsoSign: true,
      showName: false,
      replyConsent: true,
      appearance: "counted",
      locale: "en",
    });
    // Once sent, the draft is gone from the browser.
    expect(window.localStorage.getItem(storageKey)).toBeNull();
  });

  it("shows the server's field errors on their step and keeps the draft", async () => {
    const user = userEvent.setup();
    const submit = vi.fn(async () => ({
      ok: false as const,
      code: "validation_failed",
      fields: { topics: "invalid_topic" },
    }));
    renderComposer("en", submit);
    await toDraft(user);
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.type(screen.getByLabelText("Full name"), "Jane Doe");
    await user.type(screen.getByLabelText(/Email address/), "jane@example.org");
    await user.type(screen.getByLabelText("City or town"), "Albany");
    await user.selectOptions(screen.getByLabelText(/^State/), "NY");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.click(screen.getByRole("button", { name: "Send my letter" }));
    expect(await screen.findByText("Step 1 of 6: Topics")).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("One of the chosen topics no longer exists");
    expect(window.localStorage.getItem(storageKey)).toContain("Jane Doe");
  });

  it("says so when the campaign has closed, without losing the draft", async () => {
    const user = userEvent.setup();
    window.localStorage.setItem(
      storageKey,
      JSON.stringify({
        v: 1,
        step: 6,
        reached: 6,
        topics: ["movement"],
        language: "en",
        subject: "Please act",
        body: "Dear Mr. President,\n\n" + "I ask you to act. ".repeat(10),
        bodyEdited: true,
        name: "Jane Doe",
        email: "jane@example.org",
        city: "Albany",
        country: "US",
        region: "NY",
        savedAt: Date.now(),
      }),
    );
    renderComposer(
      "en",
      vi.fn(async () => ({ ok: false as const, code: "campaign_closed" })),
    );
    await user.click(await screen.findByRole("button", { name: "Send my letter" }));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("This campaign is closed"));
    expect(window.localStorage.getItem(storageKey)).toContain("Please act");
  });

  it("writes a Korean letter for Korean readers, in Korean", async () => {
    const user = userEvent.setup();
    renderComposer("ko");
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("6단계 중 1단계: 주제");
    await user.click(screen.getByLabelText("정치범수용소"));
    await user.click(screen.getByRole("button", { name: "다음" }));
    expect(screen.getByRole("radio", { name: "한국어" })).toBeChecked();
    await user.type(screen.getByLabelText("이 문제가 왜 중요하신가요?"), "제 동생 김철수는 아직 북한에 있습니다.");
    await user.click(screen.getByRole("button", { name: "다음" }));
    const body = screen.getByLabelText("편지 내용") as HTMLTextAreaElement;
    expect(body).toHaveAttribute("lang", "ko");
    expect(body.value).toBe(
      `대통령님께\n\n제 동생 김철수는 아직 북한에 있습니다.\n\n${paragraph("prison-camps", "ko")}\n\n감사합니다.`,
    );
    await user.click(screen.getByRole("button", { name: "다음" }));
    expect(within(screen.getByTestId("safety-findings")).getByRole("listitem")).toHaveTextContent(
      "제 동생 김철수 — 가족의 이름",
    );
    await user.click(screen.getByRole("button", { name: "다음" }));
    expect(screen.getByRole("alert")).toHaveTextContent("강조 표시된 내용을 고치시거나");
    await user.click(screen.getByLabelText("이 내용을 확인했으며 그대로 두겠습니다"));
    await user.click(screen.getByRole("button", { name: "다음" }));
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("6단계 중 5단계: 보내는 사람");
    expect(screen.getByLabelText("국가")).toHaveValue("KR");
  });

  it("lets an English reader write a Korean letter: the draft follows the letter's language", async () => {
    const user = userEvent.setup();
    renderComposer("en");
    await user.click(screen.getByLabelText("Freedom of movement"));
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.click(screen.getByRole("radio", { name: "한국어" }));
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect((screen.getByLabelText("Your letter") as HTMLTextAreaElement).value).toBe(
      `대통령님께\n\n${paragraph("movement", "ko")}\n\n감사합니다.`,
    );
    expect(screen.getByLabelText("Subject")).toHaveValue("북한 인권을 정상회담 의제로");
  });
});
