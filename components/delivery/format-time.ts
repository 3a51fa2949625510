/** A moment as organizer pages show it: "2026-12-03 14:05 UTC". */
export function formatTime(d: Date): string {
  return d.toISOString().replace("T", " ").slice(0, 16) + " UTC";
}
