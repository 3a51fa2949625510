// The campaign form's error summary names fields by the labels on the form, in the reader's language, and never by
// the server's paths.
import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import { campaignFieldLabel, type FormLabels } from "@/components/organizers/campaign-field-label";
import { messages } from "@/lib/infra/i18n/messages";

const labels = (locale: "en" | "ko") =>
  createTranslator({ locale, messages: messages[locale], namespace: "admin.form" }) as unknown as FormLabels;

describe("campaignFieldLabel", () => {
  it.each([
    ["slug", "Web address (slug)", "웹 주소 (슬러그)"],
    ["goal", "Signature goal", "서명 목표"],
    ["closesAt", "Closes at", "마감 시각"],
    ["texts.en.title", "Title (English)", "제목 (영어)"],
    ["texts.ko.letter", "Open letter", "공개서한 (한국어)"],
    ["topics.0.key", "Topic 1: Key", "주제 1: 키"],
    ["topics.2.texts.ko.fact", "Topic 3: Fact (Korean)", "주제 3: 사실 (한국어)"],
    ["topics.1", "Topic 2", "주제 2"],
  ])("says %s as the form does", (path, en, ko) => {
    expect(campaignFieldLabel(path, labels("en"))).toContain(en);
    expect(campaignFieldLabel(path, labels("ko"))).toBe(ko);
  });

  it.each(["_", "texts.en", "texts.fr.title", "texts.en.nonsense", "topics.x.key", "topics.0.texts.en.letter", ""])(
    "gives no label for %j, so its message stands alone",
    (path) => {
      expect(campaignFieldLabel(path, labels("en"))).toBeNull();
    },
  );

  it("never lets a path through in any label", () => {
    for (const path of ["texts.en.title", "topics.0.texts.en.title", "targetEmail", "letterHoldHours"]) {
      for (const locale of ["en", "ko"] as const) expect(campaignFieldLabel(path, labels(locale))).not.toMatch(/\./);
    }
  });
});
