import { describe, expect, it } from "vitest";
import { optionsHtml } from "@/components/ui/options-select";

describe("optionsHtml", () => {
  it("writes the placeholder first, marks the chosen option, and escapes codes and names", () => {
    expect(
      optionsHtml(
        "Choose",
        [
          { code: "A&B", name: `"Quoted" <b>bold</b> O'Brien` },
          { code: "KR", name: "대한민국" },
        ],
        "KR",
      ),
    ).toBe(
      '<option value="">Choose</option>' +
        '<option value="A&amp;B">&quot;Quoted&quot; &lt;b&gt;bold&lt;/b&gt; O&#39;Brien</option>' +
        '<option value="KR" selected>대한민국</option>',
    );
    expect(optionsHtml("Choose", [], "")).toBe('<option value="" selected>Choose</option>');
  });
});
