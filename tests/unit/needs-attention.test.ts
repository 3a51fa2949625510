// What the dashboard's strip lists for one campaign, and what it leaves out.
import { describe, expect, it } from "vitest";
import { closingSoonDays, needsAttention } from "@/lib/organizers/campaigns/needs-attention";

const at = new Date("2026-06-15T10:00:00Z");
const days = (n: number) => new Date(at.getTime() + n * 86_400_000);
const open = { status: "open" as const, closesAt: null, letters: {}, deliveries: {} };

describe("needsAttention", () => {
  it("lists held letters, failed deliveries, the challenge and a close closing date, in that order", () => {
    expect(
      needsAttention(
        { ...open, closesAt: days(2), letters: { held: 3, confirmed: 9 }, deliveries: { failed: 2, sent: 40 } },
        "everyone",
        at,
      ),
    ).toEqual([
      { kind: "held", count: 3 },
      { kind: "failed", count: 2 },
      { kind: "challenge", who: "everyone" },
      { kind: "closing", closesAt: days(2) },
    ]);
  });

  it("says nothing of a campaign that needs nothing", () => {
    expect(needsAttention({ ...open, letters: { confirmed: 4 }, deliveries: { sent: 4 } }, null, at)).toEqual([]);
  });

  it("counts a closing date only ahead, within the week, and only while the campaign is open", () => {
    expect(needsAttention({ ...open, closesAt: days(closingSoonDays) }, null, at)).toHaveLength(1);
    expect(needsAttention({ ...open, closesAt: days(closingSoonDays + 0.1) }, null, at)).toEqual([]);
    expect(needsAttention({ ...open, closesAt: days(-1) }, null, at)).toEqual([]);
    expect(needsAttention({ ...open, status: "draft", closesAt: days(1) }, null, at)).toEqual([]);
    expect(needsAttention({ ...open, status: "closed", closesAt: days(1) }, "networks", at)).toEqual([]);
  });

  it("still lists held letters and failed deliveries once the campaign is closed", () => {
    expect(
      needsAttention({ ...open, status: "closed", letters: { held: 1 }, deliveries: { failed: 1 } }, null, at),
    ).toEqual([
      { kind: "held", count: 1 },
      { kind: "failed", count: 1 },
    ]);
  });
});
