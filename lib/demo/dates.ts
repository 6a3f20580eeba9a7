// The demo counts in whole UTC days since 1970-01-01; these turn day numbers into dates and back.

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function dayNumber(isoDate: string): number {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${isoDate}"`);
  return ms / DAY_MS;
}
