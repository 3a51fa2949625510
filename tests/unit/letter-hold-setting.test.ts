// A campaign's own cooling-off hold, as organizers set it: blank means the server's LETTER_HOLD_HOURS, 0 to 720 hours
// otherwise, with the same stable codes as the other numbers of the campaign form.
import { describe, expect, it } from "vitest";
import { campaignInputFor } from "@/lib/organizers/campaigns/campaign-schema";

const campaignInput = campaignInputFor(["example.test"]);
import { letterHoldHours, letterLeavesAt } from "@/lib/letters/letter-hold";

const base = {
  slug: "hold-test",
  goal: 100,
  targetEmail: "target@example.test",
  texts: {
    en: { title: "T", summary: "S", targetName: "N", context: "C", letter: "L" },
    ko: { title: "T", summary: "S", targetName: "N", context: "C", letter: "L" },
  },
};

describe("a campaign's letter hold", () => {
  it.each([
    ["", undefined],
    [null, undefined],
    ["0", 0],
    ["36", 36],
    [720, 720],
  ])("takes %j as %j", (value, expected) => {
    const parsed = campaignInput.safeParse({ ...base, letterHoldHours: value });
    expect(parsed.success && parsed.data.letterHoldHours).toBe(expected);
  });

  it.each([
    ["721", "too_large"],
    [-1, "too_small"],
    ["1.5", "invalid_number"],
    [true, "invalid_number"],
  ])("refuses %j with %s", (value, code) => {
    const parsed = campaignInput.safeParse({ ...base, letterHoldHours: value });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.find((i) => i.path[0] === "letterHoldHours")?.message).toBe(code);
  });

  it("falls back to the setting, and counts from the confirmation", () => {
    expect(letterHoldHours(null)).toBe(24);
    expect(letterHoldHours(0)).toBe(0);
    expect(letterLeavesAt(new Date("2026-12-03T10:00:00Z"), 2).toISOString()).toBe("2026-12-03T12:00:00.000Z");
  });
});
