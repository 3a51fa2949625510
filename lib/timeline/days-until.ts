const dayMs = 24 * 60 * 60 * 1000;

/** Whole days left until `deadline` (0: less than a day), or null once it has passed. */
export function daysUntil(deadline: number, at: number): number | null {
  return deadline > at ? Math.floor((deadline - at) / dayMs) : null;
}
