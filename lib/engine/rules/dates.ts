// Calendar arithmetic on YYYY-MM-DD strings in whole UTC days: no clock, no time zone, so the rules stay pure.

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a strict `YYYY-MM-DD` date. Throws RangeError on anything else (2025-02-30 too). */
export function dayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== isoDate) {
    throw new RangeError(`Expected a date as YYYY-MM-DD, got "${isoDate}"`);
  }
  return ms / MS_PER_DAY;
}

export function isoFromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function plusDays(isoDate: string, days: number): string {
  return isoFromDay(dayNumber(isoDate) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The same day `months` later; a day the month lacks becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function plusMonths(isoDate: string, months: number): string {
  const day = dayNumber(isoDate);
  const date = new Date(day * MS_PER_DAY);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target.toISOString().slice(0, 10);
}

export function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function laterOf(a: string, b: string): string {
  return a >= b ? a : b;
}

/**
 * Days a case's deadlines have moved since its newest letter: the pauses that ended (stored) plus the one that
 * is still running on `today` (paused since `pausedOn`).
 */
export function pauseShiftDays(endedPauseDays: number, pausedOn: string | null, today: string): number {
  return endedPauseDays + (pausedOn ? Math.max(0, daysBetween(pausedOn, today)) : 0);
}
