// The campaign page's countdown keeps the server's line while the day count is the server's, and writes its own
// once the days have moved on (a cached copy of the page may be older than a day).
import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { Countdown } from "@/components/timeline/countdown";
import { messages } from "@/lib/infra/i18n/messages";

const day = 24 * 60 * 60 * 1000;

function renderCountdown(renderedAt: number, deadline: string) {
  render(
    <NextIntlClientProvider locale="en" messages={messages.en} timeZone="UTC">
      <Countdown deadline={deadline} date="June 12, 2099" renderedAt={renderedAt}>
        <p data-testid="countdown">{"the server's line"}</p>
      </Countdown>
    </NextIntlClientProvider>,
  );
}

describe("Countdown", () => {
  it("keeps the server's line while the day count is the same", () => {
    const deadline = new Date(Date.now() + 10.5 * day).toISOString();
    renderCountdown(Date.now(), deadline);
    expect(screen.getByTestId("countdown")).toHaveTextContent("the server's line");
  });

  it("writes the days left itself once they differ from the server's", () => {
    const deadline = new Date(Date.now() + 10.5 * day).toISOString();
    renderCountdown(Date.now() - 2 * day, deadline);
    expect(screen.getByTestId("countdown")).toHaveTextContent("Deadline: 10 days left until June 12, 2099");
    expect(screen.getByTestId("countdown").querySelector("time")).toHaveAttribute("datetime", deadline);
  });

  it("says when the deadline has passed", () => {
    const deadline = new Date(Date.now() - day).toISOString();
    renderCountdown(Date.now() - 2 * day, deadline);
    expect(screen.getByTestId("countdown")).toHaveTextContent("Deadline: The deadline was June 12, 2099");
  });
});
