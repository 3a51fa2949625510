import { describe, expect, it, vi } from "vitest";
import { act, getConfig, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { SignForm } from "@/components/signatures/sign-form";
import { messages } from "@/lib/infra/i18n/messages";
import { countryOptions } from "@/lib/infra/geo/countries";
import { commentText } from "@/lib/signatures/comment-text";
import type { SignFormState } from "@/lib/signatures/form-data";

const signed = async (_state: SignFormState, _form: FormData): Promise<SignFormState> => ({
  status: "ok",
  email: "jimin@example.org",
  emailed: "now",
});

function form(locale: "en" | "ko", action = vi.fn(signed), minSeconds = 0) {
  return (
    <NextIntlClientProvider locale={locale} messages={messages[locale]}>
      <SignForm
        action={action}
        locale={locale}
        countries={countryOptions(locale)}
        defaultAppearance="initials"
        formToken="form-token"
        minSeconds={minSeconds}
        commentText={commentText(locale)}
      />
    </NextIntlClientProvider>
  );
}

/** A server that refuses the email address and sends back what was typed, with this country, region and choice. */
function refusesEmail(values: { country: string; region: string; showName: boolean }) {
  return vi.fn(async (_state: SignFormState, _form: FormData): Promise<SignFormState> => ({
    status: "invalid",
    fields: { email: "invalid_email" },
    values: { name: "Kim", email: "kim@example", ...values, wantsUpdates: false },
  }));
}

function renderForm(locale: "en" | "ko", action = vi.fn(signed), minSeconds = 0) {
  render(form(locale, action, minSeconds));
  return action;
}

/**
 * A clock the test moves (performance.now, from 0 when the form appears) and the form's long waits held for the test
 * to run; the short timers React and the testing library use still run by themselves.
 */
function heldTimers() {
  const clock = { now: 0, held: [] as { ms: number; run: () => void }[] };
  vi.spyOn(performance, "now").mockImplementation(() => clock.now);
  const realSetTimeout = window.setTimeout.bind(window);
  vi.spyOn(window, "setTimeout").mockImplementation(((run: () => void, ms?: number, ...args: unknown[]) => {
    // Short timers (user-event's, React's) and testing-library's own time limit run for real; the form's wait is held.
    if ((ms ?? 0) <= 1000 || (ms ?? 0) >= getConfig().asyncUtilTimeout) return realSetTimeout(run, ms, ...args);
    clock.held.push({ ms: ms!, run });
    return 0;
  }) as typeof window.setTimeout);
  return clock;
}

describe("SignForm", () => {
  it("shows each problem beside its field and in an alert summary, without sending", async () => {
    const user = userEvent.setup();
    const action = renderForm("en");
    await user.type(screen.getByLabelText("Email address"), "not-an-email");
    await user.click(screen.getByRole("button", { name: "Sign the letter" }));

    const name = screen.getByLabelText("Full name");
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription("This field is required.");
    expect(screen.getByLabelText("Email address")).toHaveAccessibleDescription(
      /Enter an email address like name@example.com\./,
    );
    expect(screen.getByLabelText("State")).toHaveAccessibleDescription("This field is required.");

    const summary = screen.getByRole("alert");
    expect(summary).toHaveTextContent("3 answers need your attention.");
    expect(within(summary).getByRole("link", { name: /Full name/ })).toHaveAttribute("href", `#${name.id}`);
    expect(summary).toHaveFocus();
    expect(action).not.toHaveBeenCalled();
  });

  it("can be filled in and sent with the keyboard alone, and then says to check email", async () => {
    const user = userEvent.setup();
    const action = renderForm("en");
    await user.tab();
    expect(screen.getByLabelText("Full name")).toHaveFocus();
    await user.keyboard("Kim Ji-min");
    await user.tab();
    expect(screen.getByLabelText("Email address")).toHaveFocus();
    await user.keyboard("jimin@example.org");
    await user.tab();
    expect(screen.getByLabelText("Country")).toHaveFocus();
    await user.tab();
    expect(screen.getByLabelText("State")).toHaveFocus();
    await user.selectOptions(screen.getByLabelText("State"), "NY");
    await user.click(screen.getByLabelText("Email address"));
    await user.keyboard("{Enter}");

    const success = await screen.findByTestId("sign-success");
    expect(success).toHaveAttribute("role", "status");
    expect(success).toHaveTextContent("We have sent a confirmation link to jimin@example.org.");
    expect(action).toHaveBeenCalledTimes(1);
    const form = action.mock.calls[0]![1];
    expect(form.get("name")).toBe("Kim Ji-min");
    expect(form.get("region")).toBe("NY");
    expect(form.get("showName")).toBeNull();
    expect(form.get("appearance")).toBe("initials");
    expect(form.get("locale")).toBe("en");
  });

  it("offers the three ways to appear to the recipient, the campaign's choice pre-selected, in both languages", async () => {
    const user = userEvent.setup();
    const action = renderForm("ko");
    const group = screen.getByRole("group", { name: "받는 분에게 표시되는 방식" });
    expect(group).toHaveAccessibleDescription(/기록으로 보관/);
    expect(screen.getByLabelText(/^이니셜과 국가만/)).toBeChecked();
    await user.click(screen.getByLabelText("이름 없이 서명 수에만 포함"));
    await user.type(screen.getByLabelText("이름"), "김지민");
    await user.type(screen.getByLabelText("이메일 주소"), "jimin@example.org");
    await user.selectOptions(screen.getByLabelText(/^시·도/), "11");
    await user.click(screen.getByRole("button", { name: "서명하기" }));
    await screen.findByTestId("sign-success");
    expect(action.mock.calls[0]![1].get("appearance")).toBe("counted");
  });

  it("holds a form filled in at once until the minimum time has passed, saying it is sending, then sends it", async () => {
    const clock = heldTimers();
    try {
      const user = userEvent.setup();
      const action = renderForm("en", undefined, 3);
      // What autofill does: every field at once, then Sign straight away (0.5 s after the form appeared).
      await user.type(screen.getByLabelText("Full name"), "Kim Ji-min");
      await user.type(screen.getByLabelText("Email address"), "jimin@example.org");
      await user.selectOptions(screen.getByLabelText("State"), "NY");
      clock.now = 500;
      await user.click(screen.getByRole("button", { name: "Sign the letter" }));

      expect(action).not.toHaveBeenCalled();
      expect(screen.getByRole("button", { name: "Signing…" })).toBeDisabled();
      expect(screen.getByTestId("sign-sending")).toHaveTextContent("Signing…");
      // It waits out the rest of the 3 s, and a little more for the time the page took to arrive.
      expect(clock.held).toHaveLength(1);
      expect(clock.held[0]!.ms).toBe(3000 + 250 - 500);
      act(() => clock.held[0]!.run());
      await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
      expect(action.mock.calls[0]![1].get("email")).toBe("jimin@example.org");
      expect(await screen.findByTestId("sign-success")).toHaveTextContent("We have sent a confirmation link");
    } finally {
      vi.restoreAllMocks();
    }
  });

  it("sends at once when the minimum time has already passed", async () => {
    const clock = heldTimers();
    try {
      const user = userEvent.setup();
      const action = renderForm("en", undefined, 3);
      await user.type(screen.getByLabelText("Full name"), "Kim Ji-min");
      await user.type(screen.getByLabelText("Email address"), "jimin@example.org");
      await user.selectOptions(screen.getByLabelText("State"), "NY");
      clock.now = 3300;
      await user.click(screen.getByRole("button", { name: "Sign the letter" }));
      await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
      expect(clock.held).toHaveLength(0);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it("says truthfully that a link went out a few minutes ago when none is sent now", async () => {
    const user = userEvent.setup();
    renderForm(
      "en",
      vi.fn(async (): Promise<SignFormState> => ({ status: "ok", email: "jimin@example.org", emailed: "recently" })),
    );
    await user.type(screen.getByLabelText("Full name"), "Kim Ji-min");
    await user.type(screen.getByLabelText("Email address"), "jimin@example.org");
    await user.selectOptions(screen.getByLabelText("State"), "NY");
    await user.click(screen.getByRole("button", { name: "Sign the letter" }));
    const success = await screen.findByTestId("sign-success");
    expect(success).toHaveTextContent("We already sent a confirmation link to jimin@example.org a few minutes ago");
    expect(success).not.toHaveTextContent("We have sent");
  });

  it("keeps both privacy choices off by default", () => {
    renderForm("en");
    expect(screen.getByLabelText("Show my name publicly as a signer")).not.toBeChecked();
    expect(screen.getByLabelText("Send me updates about this campaign")).not.toBeChecked();
  });

  it("shows errors the server found and keeps what was typed", async () => {
    const user = userEvent.setup();
    const action = refusesEmail({ country: "US", region: "CA", showName: true });
    renderForm("en", action);
    await user.type(screen.getByLabelText("Full name"), "Kim");
    await user.type(screen.getByLabelText("Email address"), "kim@example.org");
    await user.selectOptions(screen.getByLabelText("State"), "CA");
    await user.click(screen.getByRole("button", { name: "Sign the letter" }));

    // The summary is always in the page (empty) so screen readers announce it when it fills: wait for the text.
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("One answer needs your attention."));
    expect(screen.getByLabelText("Email address")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Full name")).toHaveValue("Kim");
    expect(screen.getByLabelText("Show my name publicly as a signer")).toBeChecked();
  });

  it("puts the country and region lists in the server's HTML, the chosen ones marked, and hydrates over them without a mismatch", async () => {
    const html = renderToString(form("en"));
    expect(html).toContain('<option value="US" selected>United States</option>');
    expect(html).toContain('<option value="CA">California</option>');
    const container = document.createElement("div");
    container.innerHTML = html;
    document.body.append(container);
    const errors = vi.spyOn(console, "error");
    await act(async () => void hydrateRoot(container, form("en")));
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    const user = userEvent.setup();
    const country = within(container).getByLabelText("Country");
    expect(country).toHaveValue("US");
    await user.selectOptions(country, "KR");
    expect(country).toHaveValue("KR");
    const province = within(container).getByLabelText(/Province/);
    expect(within(province).getByRole("option", { name: "Seoul" })).toBeInTheDocument();
    await user.selectOptions(country, "US");
    expect(within(container).getByLabelText("State")).toHaveValue("");
    container.remove();
  });

  it("keeps the country and region the server sent back with an error", async () => {
    const user = userEvent.setup();
    const action = refusesEmail({ country: "KR", region: "11", showName: false });
    renderForm("en", action);
    await user.selectOptions(screen.getByLabelText("Country"), "KR");
    await user.selectOptions(screen.getByLabelText(/Province/), "11");
    await user.type(screen.getByLabelText("Full name"), "Kim");
    await user.type(screen.getByLabelText("Email address"), "kim@example.org");
    await user.click(screen.getByRole("button", { name: "Sign the letter" }));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("One answer needs your attention."));
    expect(screen.getByLabelText("Country")).toHaveValue("KR");
    expect(screen.getByLabelText(/Province/)).toHaveValue("11");
  });

  it("speaks Korean, with Korean regions, for Korean readers", async () => {
    const user = userEvent.setup();
    renderForm("ko");
    expect(screen.getByLabelText("이름")).toBeInTheDocument();
    expect(screen.getByLabelText("국가")).toHaveValue("KR");
    expect(within(screen.getByLabelText(/시·도/)).getByRole("option", { name: "서울특별시" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "서명하기" }));
    expect(screen.getByRole("alert")).toHaveTextContent("확인이 필요한 항목이 2개 있습니다.");
    expect(screen.getByLabelText("이름")).toHaveAccessibleDescription("필수 입력 항목입니다.");
  });

  it("says plainly, in both languages, that the part before @ must be Latin letters", async () => {
    const user = userEvent.setup();
    renderForm("en");
    await user.type(screen.getByLabelText("Email address"), "홍길동@example.com");
    await user.click(screen.getByRole("button", { name: "Sign the letter" }));
    expect(screen.getByLabelText("Email address")).toHaveAccessibleDescription(
      /The part before @ can only have Latin letters \(a–z\), digits and \. _ - \+\./,
    );
  });

  it("counts the comment as it is typed, cuts nothing off, and refuses it over the limit with the server's message", async () => {
    const user = userEvent.setup();
    const action = renderForm("ko");
    const comment = screen.getByLabelText(/서명하는 이유/);
    expect(comment).not.toHaveAttribute("maxLength");
    expect(screen.getByTestId("comment-count")).toHaveTextContent("1,000자 중 0자");
    await user.click(comment);
    await user.paste("가".repeat(1200));
    expect(comment).toHaveValue("가".repeat(1200));
    expect(screen.getByTestId("comment-count")).toHaveTextContent("1,000자 중 1,200자: 200자를 줄여 주세요");
    expect(screen.getByTestId("comment-count-live")).toHaveAttribute("aria-live", "polite");
    await user.type(screen.getByLabelText("이름"), "김하나");
    await user.type(screen.getByLabelText("이메일 주소"), "hana@example.org");
    await user.selectOptions(screen.getByLabelText(/시·도/), "11");
    await user.click(screen.getByRole("button", { name: "서명하기" }));
    expect(comment).toHaveAttribute("aria-invalid", "true");
    expect(comment).toHaveAccessibleDescription(expect.stringContaining("입력한 내용이 너무 깁니다."));
    expect(action).not.toHaveBeenCalled();
  });

  it("offers a free-text region outside the United States and Korea", async () => {
    const user = userEvent.setup();
    renderForm("en");
    await user.selectOptions(screen.getByLabelText("Country"), "DE");
    expect(screen.getByLabelText(/State, province or region/)).toHaveProperty("tagName", "INPUT");
  });
});

describe("SignForm under abuse protection", () => {
  const values = {
    name: "Kim",
    email: "kim@example.org",
    country: "US",
    region: "NY",
    showName: false,
    wantsUpdates: false,
  };

  async function fillAndSend() {
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Full name"), "Kim");
    await user.type(screen.getByLabelText("Email address"), "kim@example.org");
    await user.selectOptions(screen.getByLabelText("State"), "NY");
    await user.click(screen.getByRole("button", { name: "Sign the letter" }));
  }

  it("carries the form token and an empty honeypot that is out of the tab order", async () => {
    const action = renderForm("en");
    const honeypot = screen.getByLabelText("Leave this field empty");
    expect(honeypot).toHaveAttribute("tabindex", "-1");
    expect(honeypot).toHaveAttribute("autocomplete", "off");
    await fillAndSend();
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(action.mock.calls[0]![1].get("formToken")).toBe("form-token");
    expect(action.mock.calls[0]![1].get("website")).toBe("");
  });

  it("sends the source code of the address it was opened at", async () => {
    const before = window.location.href;
    try {
      window.history.replaceState(null, "", "/en/c/summit?source=share-x");
      const action = renderForm("en");
      await fillAndSend();
      await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
      expect(action.mock.calls[0]![1].get("source")).toBe("share-x");
    } finally {
      window.history.replaceState(null, "", before);
    }
  });

  it("says so in the alert when the server refuses with too many attempts", async () => {
    renderForm(
      "en",
      vi.fn(async (): Promise<SignFormState> => ({ status: "error", code: "rate_limited", values })),
    );
    await fillAndSend();
    // The alert region may be on the page before its text: wait for the text itself.
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("Too many attempts from your connection"));
  });

  it("solves a challenge the server asks for and sends the form again with the solution", async () => {
    const action = vi.fn(async (_state: SignFormState, form: FormData): Promise<SignFormState> =>
      form.get("challengeNonce")
        ? { status: "ok", email: "kim@example.org", emailed: "now" }
        : {
            status: "challenge",
            challenge: { token: "a.b", difficulty: 6, algorithm: "sha256-leading-zero-bits" },
            waitTicket: { token: "ticket.mac", waitSeconds: 10 },
            values,
          },
    );
    renderForm("en", action);
    await fillAndSend();
    expect(await screen.findByTestId("sign-success", {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(action).toHaveBeenCalledTimes(2);
    const second = action.mock.calls[1]![1];
    // The browser did the work: the waiting ticket for browsers without JavaScript is not in the form.
    expect(second.get("challengeToken")).toBe("a.b");
    const digest = new Uint8Array(
      await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`a.b:${second.get("challengeNonce")}`)),
    );
    expect(digest[0]! >> 2).toBe(0);
    expect(second.get("name")).toBe("Kim");
  });
});
