// The composer's topics link their sources where the campaign's content has an address for one, in both languages.
import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import { flagshipCampaign } from "@/prisma/seed-data/flagship";
import { renderComposer } from "./support/composer";

describe("the composer's topics", () => {
  it("link each source that has an address, and leave the others as text", () => {
    renderComposer();
    const detail = (title: string) =>
      document.getElementById(screen.getByLabelText(title).getAttribute("aria-describedby")!.split(" ")[0]!)!;
    const camps = within(detail("Political prison camps")).getByRole("link", {
      name: "https://undocs.org/A/HRC/25/CRP.1",
    });
    expect(camps).toHaveAttribute("href", "https://undocs.org/A/HRC/25/CRP.1");
    for (const topic of flagshipCampaign.topics) {
      const links = within(detail(topic.texts.en.title)).queryAllByRole("link");
      expect(links.length).toBe(/https?:\/\//.test(topic.texts.en.source) ? 1 : 0);
    }
  });
});
