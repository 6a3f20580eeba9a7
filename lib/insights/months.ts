/** The 12 calendar months ending with the month of `today` (YYYY-MM-DD), oldest first, as YYYY-MM. */
export function lastTwelveMonths(today: string): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return Array.from({ length: 12 }, (_, index) => {
    const offset = month - 11 + index; // 1-based month number relative to this year, may be <= 0
    const y = year + Math.floor((offset - 1) / 12);
    const m = ((((offset - 1) % 12) + 12) % 12) + 1;
    return `${y}-${String(m).padStart(2, '0')}`;
  });
}

/**
 * Short labels for a run of months (YYYY-MM, oldest first) in the page's language: "jan." / "Jan", with the year
 * on the first month and wherever the year changes, so twelve months across New Year read "feb. 2026 … jan. 2027".
 */
export function monthLabels(months: readonly string[], locale: 'nb' | 'en'): string[] {
  const tag = locale === 'nb' ? 'nb-NO' : 'en-GB';
  const short = new Intl.DateTimeFormat(tag, { month: 'short', timeZone: 'UTC' });
  const withYear = new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return months.map((month, index) => {
    const date = new Date(`${month}-15T12:00:00Z`);
    const newYear = index === 0 || month.slice(0, 4) !== months[index - 1]?.slice(0, 4);
    return (newYear ? withYear : short).format(date);
  });
}
