// Calendar-day arithmetic on 'YYYY-MM-DD' strings, in UTC day numbers (no local time zone). Pure.
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
}

/** Days of a period, both ends included: 2026-06-03 … 2026-06-10 is 8. */
export function periodDays(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

export function addDays(iso: string, n: number): string {
  return new Date((dayNumber(iso) + n) * 86_400_000).toISOString().slice(0, 10);
}
