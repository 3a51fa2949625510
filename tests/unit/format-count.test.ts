// The count in words, as the campaign page, the thank-you step and the count widget show it: the same on the server's
// first paint and after each refresh in the browser.
import { describe, expect, it } from "vitest";
import { formatCount, type CountForms } from "@/lib/campaigns/format-count";
import { messages } from "@/lib/infra/i18n/messages";

const forms = (locale: "en" | "ko") => messages[locale].campaign.countForms as CountForms;

describe("formatCount", () => {
  it.each([
    [0, "Be the first to co-sign"],
    [1, "1 confirmed signature"],
    [2, "2 confirmed signatures"],
    [1234567, "1,234,567 confirmed signatures"],
  ])("writes %i in English as %s", (count, words) => {
    expect(formatCount(forms("en"), "en", count)).toBe(words);
  });

  it.each([
    [0, "첫 번째 서명자가 되어 주세요"],
    [1, "확인된 서명 1명"],
    [12345, "확인된 서명 12,345명"],
  ])("writes %i in Korean as %s", (count, words) => {
    expect(formatCount(forms("ko"), "ko", count)).toBe(words);
  });
});
