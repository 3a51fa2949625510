// Without JavaScript the composer cannot work (its steps, draft and safety check run in the browser): its server
// HTML keeps "Next" disabled, so pressing it cannot reload an empty composer, and says the draft's lifetime.
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { composerElement } from "./support/composer";

describe("the composer's HTML before (or without) JavaScript", () => {
  it("offers no button that would reload an empty composer, and says where and how long the draft is kept", () => {
    const html = renderToString(composerElement("en"));
    expect(html).toMatch(/<button type="submit" class="button" disabled="">Next<\/button>/);
    expect(html).toContain("Your draft is kept only on this device, in this browser, until you send it");
    expect(html).toContain("for 7 days at most after your last change");
    expect(html).toContain("Delete this draft");
  });

  it("says the same in Korean", () => {
    const html = renderToString(composerElement("ko"));
    expect(html).toMatch(/<button type="submit" class="button" disabled="">다음<\/button>/);
    expect(html).toContain("최대 7일 동안 보관됩니다");
  });
});
