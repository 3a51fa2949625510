// The sign-in page returns only to this site's own organizer pages: every way of writing another origin is refused.
import { describe, expect, it } from "vitest";
import { returnPath, signInPath } from "@/lib/organizers/auth/return-path";

describe("returnPath", () => {
  it.each([
    ["/en/admin", "/en/admin"],
    [
      "/ko/admin/campaigns/8f0c1c9e-6c1a-4d55-9a57-0c9f3c9f1b2a",
      "/ko/admin/campaigns/8f0c1c9e-6c1a-4d55-9a57-0c9f3c9f1b2a",
    ],
    ["/en/admin/campaigns/x/edit?tab=texts#slug", "/en/admin/campaigns/x/edit?tab=texts#slug"],
    ["/ko/admin/team?_rsc=abc", "/ko/admin/team"],
    // Dot segments are resolved as the browser would; what is left must still be an organizer page.
    ["/en/admin/../admin/team", "/en/admin/team"],
  ])("takes this site's organizer page %s", (given, expected) => {
    expect(returnPath(given)).toBe(expected);
  });

  it.each([
    ["an absolute URL", "https://evil.example/en/admin"],
    ["a protocol-relative URL", "//evil.example/en/admin"],
    ["a backslash a browser reads as a slash", "/\\evil.example/en/admin"],
    ["a backslash later in the path", "/en/admin\\..\\..\\evil"],
    ["a scheme", "javascript:alert(1)"],
    ["a relative path", "en/admin"],
    ["a tab inside the host part", "/\t/evil.example"],
    ["a newline", "/en/admin\n/x"],
    ["a public page", "/en/c/some-campaign"],
    ["an API route", "/api/organizer/campaigns"],
    ["an unknown language", "/fr/admin"],
    ["the sign-in page itself", "/en/admin/sign-in?next=/en/admin"],
    ["dot segments leaving the organizer pages", "/en/admin/../../c/x"],
    ["nothing", ""],
    ["not a string", ["/en/admin"]],
    ["an overlong path", `/en/admin/${"a".repeat(3000)}`],
  ])("refuses %s", (_, given) => {
    expect(returnPath(given)).toBeNull();
  });
});

describe("signInPath", () => {
  it("carries the page to return to, encoded, and leaves out one it refuses", () => {
    expect(signInPath("ko", "/ko/admin/campaigns/1?a=b")).toBe(
      "/ko/admin/sign-in?next=%2Fko%2Fadmin%2Fcampaigns%2F1%3Fa%3Db",
    );
    expect(signInPath("en", "//evil.example")).toBe("/en/admin/sign-in");
    expect(signInPath("en", null)).toBe("/en/admin/sign-in");
    expect(signInPath("en", "/en/admin")).toBe("/en/admin/sign-in");
    expect(signInPath("en", "/ko/admin")).toBe("/en/admin/sign-in?next=%2Fko%2Fadmin");
  });
});
