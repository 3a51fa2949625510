// The share step's links (lib/campaigns/share-links.ts) and the `?source=` codes they carry
// (lib/campaigns/source-code.ts): every button has its own code, and only a short slug is ever kept.
import { describe, expect, it } from "vitest";
import { campaignLink, shareLinks, shareOrder } from "@/lib/campaigns/share-links";
import { sourceCode } from "@/lib/campaigns/source-code";

const app = "https://letters.example";

describe("sourceCode", () => {
  it.each([
    ["share-kakao", "share-kakao"],
    ["Newsletter_June", "newsletter_june"],
    [" email ", "email"],
    ["a", "a"],
    ["x".repeat(40), "x".repeat(40)],
  ])("keeps %j as %j", (input, kept) => expect(sourceCode(input)).toBe(kept));

  it.each([
    ["empty", ""],
    ["too long", "x".repeat(41)],
    ["markup", "<b>hi</b>"],
    ["a space inside", "two words"],
    ["a leading dash", "-x"],
    ["Hangul", "카카오"],
    ["a list", ["a", "b"]],
    ["nothing", undefined],
  ])("drops %s", (_name, input) => expect(sourceCode(input)).toBeUndefined());
});

describe("shareLinks", () => {
  const links = shareLinks(app, "en", "summit-letter", "I co-signed “Rights first”. Will you?", "Rights first");
  const byNetwork = Object.fromEntries(links.map((l) => [l.network, l]));

  it("gives each network its own source code on the campaign's link", () => {
    for (const link of links) {
      expect(link.source).toBe(`share-${link.network}`);
      expect(link.url).toBe(`${app}/en/c/summit-letter?source=share-${link.network}`);
      // Where there is a share page, the link it carries is this one.
      if (link.href && link.network !== "email") expect(decodeURIComponent(link.href)).toContain(link.url);
    }
  });

  it("uses each network's plain share address, and none for KakaoTalk (its share needs the SDK: the button copies)", () => {
    expect(new URL(byNetwork.x!.href!).origin).toBe("https://x.com");
    expect(new URL(byNetwork.facebook!.href!).searchParams.get("u")).toBe(byNetwork.facebook!.url);
    expect(new URL(byNetwork.whatsapp!.href!).searchParams.get("text")).toContain(byNetwork.whatsapp!.url);
    expect(new URL(byNetwork.telegram!.href!).searchParams.get("url")).toBe(byNetwork.telegram!.url);
    expect(new URL(byNetwork.line!.href!).searchParams.get("url")).toBe(byNetwork.line!.url);
    expect(byNetwork.email!.href).toMatch(/^mailto:\?subject=Rights%20first&body=/);
    expect(decodeURIComponent(byNetwork.email!.href!)).toContain(byNetwork.email!.url);
    expect(byNetwork.kakao!.href).toBeNull();
  });

  it("puts KakaoTalk first on Korean pages", () => {
    expect(shareOrder("ko")[0]).toBe("kakao");
    expect(shareOrder("en")).toEqual(["x", "facebook", "whatsapp", "telegram", "kakao", "line", "email"]);
    expect(shareLinks(app, "ko", "summit-letter", "m", "s")[0]!.url).toBe(
      `${app}/ko/c/summit-letter?source=share-kakao`,
    );
  });

  it("leaves the code off a plain campaign link", () => {
    expect(campaignLink(app, "ko", "summit-letter")).toBe(`${app}/ko/c/summit-letter`);
  });
});
