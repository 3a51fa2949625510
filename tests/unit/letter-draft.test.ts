// The composer's draft in the browser expires: kept LETTER_DRAFT_DAYS after it was last saved, then gone (read
// with a clock the test sets, never the wall clock).
import { afterEach, describe, expect, it } from "vitest";
import { emptyDraft, loadDraft, saveDraft } from "@/components/letters/draft";

const day = 86_400_000;
const slug = "draft-expiry";
const key = `open-letters:letter-draft:${slug}`;
const savedAt = Date.UTC(2026, 11, 1, 9, 0, 0);

afterEach(() => window.localStorage.clear());

describe("the letter draft kept in the browser", () => {
  it("comes back within its days, with what was written", () => {
    saveDraft(slug, { ...emptyDraft("en"), subject: "Please raise the camps", step: 3, reached: 3 }, savedAt);
    const draft = loadDraft(slug, "en", { now: savedAt + 7 * day - 1, keepDays: 7 });
    expect(draft).toMatchObject({ subject: "Please raise the camps", step: 3, savedAt });
  });

  it("is erased from the browser once its days have passed", () => {
    saveDraft(slug, { ...emptyDraft("en"), subject: "Please raise the camps" }, savedAt);
    expect(loadDraft(slug, "en", { now: savedAt + 7 * day + 1, keepDays: 7 })).toBeNull();
    expect(window.localStorage.getItem(key)).toBeNull();
  });

  it("counts from the last change: saving again keeps it longer", () => {
    saveDraft(slug, emptyDraft("en"), savedAt);
    saveDraft(slug, { ...emptyDraft("en"), body: "More words" }, savedAt + 5 * day);
    expect(loadDraft(slug, "en", { now: savedAt + 10 * day, keepDays: 7 })).toMatchObject({ body: "More words" });
  });

  it("follows the setting: one day", () => {
    saveDraft(slug, emptyDraft("ko"), savedAt);
    expect(loadDraft(slug, "ko", { now: savedAt + day - 1, keepDays: 1 })).not.toBeNull();
    expect(loadDraft(slug, "ko", { now: savedAt + day + 1, keepDays: 1 })).toBeNull();
  });

  it("drops a draft saved without a date (before drafts expired) instead of keeping it for ever", () => {
    window.localStorage.setItem(key, JSON.stringify({ ...emptyDraft("en"), subject: "Old" }));
    expect(loadDraft(slug, "en", { now: savedAt, keepDays: 7 })).toBeNull();
    expect(window.localStorage.getItem(key)).toBeNull();
  });
});
