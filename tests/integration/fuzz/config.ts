// How much the fuzz tests run: a fixed seed and few runs inside `npm test`, a random seed and many runs in
// `npm run fuzz`. A failure prints its seed and path; replay it with FUZZ_SEED=<seed> FUZZ_RUNS=<runs>.
import fc from "fast-check";

function seedFromEnv(): number {
  const raw = process.env.FUZZ_SEED ?? "20261127";
  if (raw !== "random") return Number.parseInt(raw, 10);
  const seed = (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  console.log(
    `[fuzz] FUZZ_SEED=${seed} (replay: FUZZ_SEED=${seed} FUZZ_RUNS=${process.env.FUZZ_RUNS ?? ""} npm run fuzz)`,
  );
  return seed;
}

export const fuzzSeed = seedFromEnv();
/** Runs per property; each property may scale it (cheap properties run more, database-heavy ones fewer). */
export const fuzzRuns = Number.parseInt(process.env.FUZZ_RUNS ?? "20", 10);

/** A test timeout that grows with the number of runs (shrinking a failure takes extra runs too). */
export const fuzzTimeout = (scale = 1) => 30_000 + fuzzRuns * scale * 1000;

export function fuzz<T extends [unknown, ...unknown[]]>(
  property: fc.IAsyncPropertyWithHooks<T>,
  scale = 1,
): Promise<void> {
  return fc.assert(property, { seed: fuzzSeed, numRuns: Math.max(1, Math.round(fuzzRuns * scale)) });
}
