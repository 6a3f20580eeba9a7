import type { Tables } from '@/lib/engine/rules';

export type MissingRate = { kind: 'interest' | 'standard_compensation'; halfYearFrom: string };

/** The first day of the half-year `isoDate` lies in, and of the one after it. */
export function halfYearsAround(isoDate: string): { current: string; next: string } {
  const year = Number(isoDate.slice(0, 4));
  return isoDate.slice(5, 7) < '07'
    ? { current: `${year}-01-01`, next: `${year}-07-01` }
    : { current: `${year}-07-01`, next: `${year + 1}-01-01` };
}

/**
 * What the desk warns about on `today`: the forsinkelsesrente and the standardkompensasjon are set per half-year,
 * so each needs a row from the half-year's first day. The current half-year always; the next one from 1 June and
 * 1 December, so the agency has the month to enter it before the engine would stop (domain.md §3).
 */
export function missingRates(tables: Pick<Tables, 'rates' | 'compensation'>, today: string): MissingRate[] {
  const { current, next } = halfYearsAround(today);
  const month = today.slice(5, 7);
  const halfYears = month === '06' || month === '12' ? [current, next] : [current];
  const missing: MissingRate[] = [];
  for (const halfYearFrom of halfYears) {
    if (!tables.rates.some((row) => row.validFrom === halfYearFrom)) missing.push({ kind: 'interest', halfYearFrom });
    if (!tables.compensation.some((row) => row.validFrom === halfYearFrom)) missing.push({ kind: 'standard_compensation', halfYearFrom });
  }
  return missing;
}
