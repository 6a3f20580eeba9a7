import { INTEREST_RATES, type InterestRate } from '@/lib/engine/rules/tables';

/**
 * The demo's assumption for the half-year the law's table does not cover yet (2H 2026): the seed stores it as
 * an agency-added rate (interest_rates), clearly marked, so the demo's cases run to today. Not a legal figure.
 */
export const DEMO_ASSUMED_RATES: readonly InterestRate[] = [{ validFrom: '2026-07-01', rateBasisPoints: 1200 }];

export const DEMO_RATES: readonly InterestRate[] = [...INTEREST_RATES, ...DEMO_ASSUMED_RATES];
