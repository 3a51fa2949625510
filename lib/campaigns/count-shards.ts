// The confirmed count lives in a few rows per campaign; a change picks one at random so that a burst of
// confirmations spreads its row locks. Reading sums at most `countShards` rows.
export const countShards = 16;

export function randomShard(): number {
  return Math.floor(Math.random() * countShards);
}
