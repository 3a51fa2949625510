// What the dashboard shows beside each campaign's counts: confirmed signatures per day over the last two weeks,
// signatures and letters per source code, signatures per country and region.
// A fixed number of grouped queries for all of the organization's campaigns together, each limited to the
// organization's own campaigns in SQL.
import "server-only";
import { sql } from "kysely";
import { db } from "@/lib/infra/db";
import type { Scope } from "../scope";

export const trendDays = 14;

/** Letters that count: confirmed by their writer and not withdrawn, rejected or suspected. */
const countedLetter = ["confirmed", "held", "queued", "delivered"] as const;

export type CampaignFigures = {
  /** Confirmed signatures on each of the last 14 days (oldest first), in the given time zone; days without any are 0. */
  trend: { day: string; signatures: number }[];
  perSource: { source: string | null; signatures: number; letters: number }[];
  perCountry: { country: string; signatures: number }[];
  perRegion: { country: string; region: string; signatures: number }[];
  /** Letters that count (confirmed, held, queued, delivered). */
  letters: number;
};

/** The calendar day of `at` in `timeZone`, as YYYY-MM-DD. */
function dayIn(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** The last `trendDays` calendar days up to `at`'s, oldest first. */
export function trendDaysUntil(at: Date, timeZone: string): string[] {
  const days = new Set<string>();
  for (let back = trendDays - 1; back >= 0; back--)
    days.add(dayIn(new Date(at.getTime() - back * 86_400_000), timeZone));
  return [...days];
}

export async function dashboardFigures(
  scope: Scope,
  { at, timeZone }: { at: Date; timeZone: string },
): Promise<Map<string, CampaignFigures>> {
  const org = scope.organizationId;
  const n = sql<number>`count(*)::int`.as("n");
  const days = trendDaysUntil(at, timeZone);
  // A day more than the trend covers: the first day's start in any time zone is later than this.
  const since = new Date(at.getTime() - (trendDays + 1) * 86_400_000);
  const confirmed = () =>
    db
      .selectFrom("signature as s")
      .innerJoin("campaign as c", "c.id", "s.campaign_id")
      .where("c.organization_id", "=", org)
      .where("s.status", "=", "confirmed");
  const letters = () =>
    db
      .selectFrom("letter as l")
      .innerJoin("campaign as c", "c.id", "l.campaign_id")
      .where("c.organization_id", "=", org)
      .where("l.status", "in", countedLetter);
  const day = sql<string>`to_char(s.confirmed_at AT TIME ZONE ${timeZone}, 'YYYY-MM-DD')`;

  const [campaigns, perDay, breakdown, letterSources, letterTotals] = await Promise.all([
    db.selectFrom("campaign").select("id").where("organization_id", "=", org).execute(),
    confirmed()
      .select(["s.campaign_id", day.as("day"), n])
      .where("s.confirmed_at", ">=", since)
      .where("s.confirmed_at", "<=", at)
      .groupBy(["s.campaign_id", "day"])
      .execute(),
    // Per country, per region and per source in one pass over the confirmed signatures. grouping() tells the sets
    // apart: a bit is set for each of (country, region, source) the row's set leaves out.
    confirmed()
      .select([
        "s.campaign_id",
        "s.country",
        "s.region",
        "s.source",
        sql<number>`grouping(s.country, s.region, s.source)::int`.as("set"),
        n,
      ])
      .groupBy(
        sql`GROUPING SETS ((s.campaign_id, s.country), (s.campaign_id, s.country, s.region), (s.campaign_id, s.source))`,
      )
      .execute(),
    letters().select(["l.campaign_id", "l.source", n]).groupBy(["l.campaign_id", "l.source"]).execute(),
    letters().select(["l.campaign_id", n]).groupBy("l.campaign_id").execute(),
  ]);
  const bySet = { country: 0b011, region: 0b001, source: 0b110 };
  const mostFirst = <T extends { n: number; country: string; region: string | null }>(rows: T[]) =>
    rows.sort(
      (a, b) => b.n - a.n || a.country.localeCompare(b.country) || (a.region ?? "").localeCompare(b.region ?? ""),
    );
  const perCountry = mostFirst(breakdown.filter((r) => r.set === bySet.country));
  const perRegion = mostFirst(breakdown.filter((r) => r.set === bySet.region && r.region !== null));
  const signatureSources = breakdown.filter((r) => r.set === bySet.source);

  const out = new Map<string, CampaignFigures>();
  for (const c of campaigns) {
    out.set(c.id, {
      trend: [],
      perSource: [],
      perCountry: [],
      perRegion: [],
      letters: 0,
    });
  }
  const of = (id: string) => out.get(id)!;
  const perDayBy = new Map(perDay.map((r) => [`${r.campaign_id} ${r.day}`, r.n]));
  for (const [id, figures] of out)
    figures.trend = days.map((d) => ({ day: d, signatures: perDayBy.get(`${id} ${d}`) ?? 0 }));
  for (const r of perCountry) of(r.campaign_id).perCountry.push({ country: r.country, signatures: r.n });
  for (const r of perRegion)
    of(r.campaign_id).perRegion.push({ country: r.country, region: r.region!, signatures: r.n });
  for (const r of letterTotals) of(r.campaign_id).letters = r.n;
  const sources = new Map<string, Map<string | null, { source: string | null; signatures: number; letters: number }>>();
  const source = (id: string, code: string | null) => {
    const byCode = sources.get(id) ?? sources.set(id, new Map()).get(id)!;
    return byCode.get(code) ?? byCode.set(code, { source: code, signatures: 0, letters: 0 }).get(code)!;
  };
  for (const r of signatureSources) source(r.campaign_id, r.source).signatures = r.n;
  for (const r of letterSources) source(r.campaign_id, r.source).letters = r.n;
  for (const [id, byCode] of sources)
    of(id).perSource = [...byCode.values()].sort(
      (a, b) => b.signatures - a.signatures || b.letters - a.letters || (a.source ?? "").localeCompare(b.source ?? ""),
    );
  return out;
}
