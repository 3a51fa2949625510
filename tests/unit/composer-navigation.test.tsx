import { beforeEach, describe, expect, it } from "vitest";
import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderComposer, storageKey } from "./support/composer";

beforeEach(() => window.localStorage.clear());

describe("moving through the composer", () => {
  it("is an ordered list of steps with the current one marked, and moves focus to each new step's heading", async () => {
    const user = userEvent.setup();
    renderComposer();
    const nav = screen.getByRole("navigation", { name: "Steps of your letter" });
    const items = within(nav).getAllByRole("listitem");
    expect(items).toHaveLength(6);
    expect(nav.querySelector("ol")).not.toBeNull();
    expect(items[0]).toHaveAttribute("aria-current", "step");
    expect(items[0]).toHaveTextContent("Topics (current step)");
    // Steps not reached yet cannot be jumped to.
    expect(within(nav).queryAllByRole("button")).toHaveLength(0);

    await user.click(screen.getByLabelText("Political prison camps"));
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByRole("heading", { level: 2, name: "Step 2 of 6: Your voice" })).toHaveFocus();
    expect(items[1]).toHaveAttribute("aria-current", "step");
    expect(items[0]).not.toHaveAttribute("aria-current");
    expect(within(nav).getByRole("button", { name: /Topics/ })).toBeInTheDocument();
  });

  it("can be used with the keyboard alone", async () => {
    const user = userEvent.setup();
    renderComposer();
    await user.tab();
    expect(screen.getByLabelText("Political prison camps")).toHaveFocus();
    await user.keyboard(" ");
    expect(screen.getByLabelText("Political prison camps")).toBeChecked();
    // Tab goes on through the topics (and the links to their sources) to the next checkbox.
    const families = screen.getByLabelText("Families of defectors");
    for (let press = 0; press < 8 && document.activeElement !== families; press++) await user.tab();
    expect(families).toHaveFocus();
    await user.keyboard(" ");
    expect(families).toBeChecked();
    // Enter in a field moves on, like pressing Next.
    await user.keyboard("{Enter}");
    const heading = screen.getByRole("heading", { level: 2, name: "Step 2 of 6: Your voice" });
    expect(heading).toHaveFocus();
    await user.tab();
    expect(screen.getByRole("radio", { name: "I'd rather not say" })).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(screen.getByRole("radio", { name: "A North Korean who has left the country" })).toBeChecked();

    // Back with the stepper: a reached step is a button.
    const nav = screen.getByRole("navigation", { name: "Steps of your letter" });
    within(nav)
      .getByRole("button", { name: /Topics/ })
      .focus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("heading", { level: 2, name: "Step 1 of 6: Topics" })).toHaveFocus();
    expect(screen.getByLabelText("Families of defectors")).toBeChecked();
  });

  it("keeps the draft across a reload and between steps, and forgets it when the writer deletes it", async () => {
    const user = userEvent.setup();
    const first = renderComposer();
    await user.click(screen.getByLabelText("Freedom of movement"));
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.type(screen.getByLabelText("Why does this matter to you?"), "I want my friends to be free to travel.");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.type(screen.getByLabelText("Your letter"), " P.S. Thank you.");
    const saved = JSON.parse(window.localStorage.getItem(storageKey)!);
    expect(saved).toMatchObject({ step: 3, topics: ["movement"], bodyEdited: true });
    first.unmount();

    // A reload: a new composer finds the draft where the writer left it.
    renderComposer();
    expect(await screen.findByRole("heading", { level: 2, name: "Step 3 of 6: Draft" })).toBeInTheDocument();
    expect((screen.getByLabelText("Your letter") as HTMLTextAreaElement).value).toMatch(
      /I want my friends to be free to travel\.[\s\S]*P\.S\. Thank you\.$/,
    );

    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(screen.getByLabelText("Why does this matter to you?")).toHaveValue(
      "I want my friends to be free to travel.",
    );
    await user.click(screen.getByRole("button", { name: "Next" }));
    // The writer's edits survive going back and forth.
    expect((screen.getByLabelText("Your letter") as HTMLTextAreaElement).value).toMatch(/P\.S\. Thank you\.$/);

    await user.click(screen.getByRole("button", { name: "Delete this draft" }));
    expect(window.localStorage.getItem(storageKey)).not.toContain("friends");
    expect(screen.getByRole("heading", { level: 2, name: "Step 1 of 6: Topics" })).toHaveFocus();
    expect(screen.getByText("Your draft has been deleted from this browser.")).toBeInTheDocument();
  });

  it("ignores a damaged saved draft", async () => {
    window.localStorage.setItem(storageKey, "{not json");
    renderComposer();
    await act(async () => {});
    expect(screen.getByRole("heading", { level: 2, name: "Step 1 of 6: Topics" })).toBeInTheDocument();
  });
});
