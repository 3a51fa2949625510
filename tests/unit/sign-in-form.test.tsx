// The organizer sign-in form: a refused attempt (429) says how long to wait, from the answer's Retry-After; a
// successful one goes to the page the organizer asked for.
import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NextIntlClientProvider } from "next-intl";
import { SignInForm } from "@/components/organizers/sign-in-form";
import { messages } from "@/lib/infra/i18n/messages";

const router = vi.hoisted(() => ({ push: vi.fn(), refresh: vi.fn() }));
vi.mock("next/navigation", () => ({ useRouter: () => router }));

afterEach(() => {
  vi.unstubAllGlobals();
  router.push.mockClear();
});

async function signInAnswered(
  locale: "en" | "ko",
  status: number,
  headers: Record<string, string> = {},
  next = `/${locale}/admin`,
) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response("{}", { status, headers })),
  );
  render(
    <NextIntlClientProvider locale={locale} messages={messages[locale]}>
      <SignInForm next={next} />
    </NextIntlClientProvider>,
  );
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(locale === "en" ? "Email" : "이메일"), "owner@example.test");
  await user.type(screen.getByLabelText(/^(Password|비밀번호)/), "a password, long enough");
  await user.click(screen.getByRole("button"));
  if (status === 200) return null;
  return screen.findByText(/./, { selector: "[role=alert] p" });
}

describe("SignInForm", () => {
  it("goes to the page it was given once signed in", async () => {
    await signInAnswered("ko", 200, {}, "/ko/admin/campaigns/123?tab=letters");
    await vi.waitFor(() => expect(router.push).toHaveBeenCalledWith("/ko/admin/campaigns/123?tab=letters"));
  });

  it("says how many minutes to wait when throttled", async () => {
    expect((await signInAnswered("en", 429, { "retry-after": "290" }))!.textContent).toBe(
      "Too many failed attempts. Try again in 5 minutes.",
    );
  });

  it("rounds seconds up to a whole minute, in the singular for one", async () => {
    expect((await signInAnswered("en", 429, { "retry-after": "12" }))!.textContent).toBe(
      "Too many failed attempts. Try again in 1 minute.",
    );
  });

  it("says it in Korean too", async () => {
    expect((await signInAnswered("ko", 429, { "retry-after": "600" }))!.textContent).toBe(
      "실패한 시도가 너무 많습니다. 10분 뒤에 다시 시도해 주세요.",
    );
  });

  it("falls back to the general message without Retry-After", async () => {
    expect((await signInAnswered("en", 429))!.textContent).toBe("Too many attempts. Wait a few minutes and try again.");
  });

  it("answers a wrong email or password with one message", async () => {
    expect((await signInAnswered("en", 401))!.textContent).toBe(
      "That email and password do not match an organizer account.",
    );
  });
});
