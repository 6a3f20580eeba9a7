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
