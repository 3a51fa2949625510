// The counts CSV: one table of (section, key, detail, count) rows: totals, then per day, country, region, topic, and
// source (two rows per source code: its signatures and its letters; "(none)" for those who came without one).
import "server-only";
import { toCsv } from "@/lib/infra/csv";
import type { CampaignCounts } from "@/lib/organizers/campaigns/campaign-counts";

/** Source codes are slugs (lib/campaigns/source-code.ts): this can never be one. */
const noSource = "(none)";

export const countsHeader = ["section", "key", "detail", "count"];

export function countsCsv(counts: CampaignCounts): string {
  const rows: unknown[][] = [
    ["total", "confirmed_signatures", "", counts.totals.confirmedSignatures],
    ["total", "pending_signatures", "", counts.totals.pendingSignatures],
    ["total", "goal", "", counts.totals.goal],
    ...Object.entries(counts.totals.letters).map(([status, n]) => ["total", `letters_${status}`, "", n]),
    ...counts.perDay.map((d) => ["day", d.day, "", d.signatures]),
    ...counts.perCountry.map((c) => ["country", c.country, "", c.signatures]),
    ...counts.perRegion.map((r) => ["region", r.country, r.region, r.signatures]),
    ...counts.perTopic.map((t) => ["topic", t.key, t.title, t.letters]),
    ...counts.perSource.flatMap((s) => [
      ["source", s.source ?? noSource, "signatures", s.signatures],
      ["source", s.source ?? noSource, "letters", s.letters],
    ]),
  ];
  return "\uFEFF" + toCsv(countsHeader, rows);
}
