// The time that windows, expiries and schedules read: statements get it as a value instead of calling now(), so
// a test moves it forward instead of waiting for a window to pass. Outside tests it is the system clock.
let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

export function nowMs(): number {
  return Date.now() + offsetMs;
}

/** Tests only: moves this process's clock by `ms` (the database's own clock is not moved). */
export function advanceClock(ms: number): void {
  offsetMs += ms;
}

export function resetClock(): void {
  offsetMs = 0;
}
