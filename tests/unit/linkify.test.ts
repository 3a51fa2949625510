// Campaign texts show their sources as links (lib/campaigns/linkify.ts): only http(s) addresses, without the
// punctuation that ends the sentence, and everything else left as text for React to escape.
import { describe, expect, it } from "vitest";
import { linkify } from "@/lib/campaigns/linkify";

describe("linkify", () => {
  it("links the UN report by its document-symbol address, in both languages' source lines", () => {
    expect(linkify("the 2014 report (UN document A/HRC/25/CRP.1), https://undocs.org/A/HRC/25/CRP.1")).toEqual([
      { text: "the 2014 report (UN document A/HRC/25/CRP.1), " },
      { href: "https://undocs.org/A/HRC/25/CRP.1", text: "https://undocs.org/A/HRC/25/CRP.1" },
    ]);
    expect(linkify("보고서(372쪽), https://undocs.org/A/HRC/25/CRP.1.")).toEqual([
      { text: "보고서(372쪽), " },
      { href: "https://undocs.org/A/HRC/25/CRP.1", text: "https://undocs.org/A/HRC/25/CRP.1" },
      { text: "." },
    ]);
  });

  it("keeps sentence punctuation and brackets after an address as text", () => {
    expect(linkify("See (http://a.example/x?y=1).")).toEqual([
      { text: "See (" },
      { href: "http://a.example/x?y=1", text: "http://a.example/x?y=1" },
      { text: ")." },
    ]);
  });

  it.each([
    ["javascript:alert(1)"],
    ["data:text/html,<b>x</b>"],
    ["ftp://files.example/x"],
    ["www.example.org without a scheme"],
    ["http:/one-slash.example"],
  ])("links nothing in %j", (text) => {
    expect(linkify(text).every((part) => !("href" in part))).toBe(true);
  });

  it("never carries a quote or angle bracket into a link", () => {
    const parts = linkify('x "http://a.example/<script>" y');
    expect(parts).toContainEqual({ href: "http://a.example/", text: "http://a.example/" });
  });

  it("returns plain text unchanged", () => {
    expect(linkify("No address here.")).toEqual([{ text: "No address here." }]);
    expect(linkify("")).toEqual([]);
  });
});
