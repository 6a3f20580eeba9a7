// Calendar dates as YYYY-MM-DD strings, counted in whole UTC days so that no server time zone moves them. The one
// clock-dependent function, todayInOslo, takes the clock as an argument: the portal's "today" is Oslo's.

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const OSLO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Norway at `now`. */
export function todayInOslo(now: Date = new Date()): string {
  return OSLO_DAY.format(now);
}

/** Days since 1970-01-01 for a strict `YYYY-MM-DD` date. Throws RangeError on anything else (2025-02-30 too). */
export function dayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== isoDate) {
    throw new RangeError(`Expected a date as YYYY-MM-DD, got "${isoDate}"`);
  }
  return ms / DAY_MS;
}

/** A real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isIsoDate(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

export function isoFromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return isoFromDay(dayNumber(isoDate) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The same day `months` later; a day the month lacks becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const date = new Date(dayNumber(isoDate) * DAY_MS);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target.toISOString().slice(0, 10);
}

/** The day after the half-year (January–June, July–December) that day number `day` lies in. */
export function halfYearEndDay(day: number): number {
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  return (date.getUTCMonth() < 6 ? Date.UTC(year, 6, 1) : Date.UTC(year + 1, 0, 1)) / DAY_MS;
}

export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function laterOf(a: string, b: string): string {
  return a >= b ? a : b;
}
