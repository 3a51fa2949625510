// Counts by country and by region, from every signature (counted-only ones too: they chose not to be named, not
// to be left out). Regions are counted as stored, trimmed; the PDF and CSV name them (BundleOptions.regionName).
import { cleanLine } from "./clean-text";
import type { Appearance, BundleCounts, IncludedSigner, SignerRow } from "./types";

export type SignerTally = {
  add(row: SignerRow, included: IncludedSigner): void;
  counts(): Pick<BundleCounts, "signatures" | "signaturesByAppearance" | "byCountry" | "byRegion">;
};

function sortedRecord<T>(entries: Iterable<[string, T]>): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function tallySigners(): SignerTally {
  let signatures = 0;
  const byAppearance: Record<Appearance, number> = { full: 0, initials: 0, counted: 0 };
  const byCountry = new Map<string, number>();
  const byRegion = new Map<string, Map<string, number>>();
  return {
    add(row, included) {
      signatures++;
      byAppearance[included.appearance]++;
      const country = row.country.trim().toUpperCase();
      byCountry.set(country, (byCountry.get(country) ?? 0) + 1);
      const region = cleanLine(row.region);
      if (!region) return;
      let regions = byRegion.get(country);
      if (!regions) byRegion.set(country, (regions = new Map()));
      regions.set(region, (regions.get(region) ?? 0) + 1);
    },
    counts() {
      return {
        signatures,
        signaturesByAppearance: { ...byAppearance },
        byCountry: sortedRecord(byCountry),
        byRegion: sortedRecord([...byRegion].map(([c, regions]) => [c, sortedRecord(regions)])),
      };
    },
  };
}
