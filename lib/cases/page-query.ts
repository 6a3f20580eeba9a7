import { z } from 'zod';
import { parseActivities, type HistoryActivity } from './history-activities';
import { STATUS_ACTIONS, type StatusAction } from './status-rules';

export const CASE_NOTICES = [
  'paused',
  'resumed',
  'active',
  'withdrawn',
  'payment',
  'credit',
  'paymentClosed',
  'creditClosed',
  'duplicate',
  'answered',
] as const;
export type CaseNotice = (typeof CASE_NOTICES)[number];

export type CasePageQuery = {
  tab: 'overview' | 'history';
  activities: HistoryActivity[];
  letterId: string | null;
  confirm: StatusAction | null;
  isPaymentForm: boolean;
  notice: CaseNotice | null;
};

type SearchParams = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | null {
  return values.find((candidate) => candidate === value) ?? null;
}

/** The case page's state lives in the URL (tabs, filter, open letter, confirmation step), so it works without JS. */
export function parseCasePageQuery(params: SearchParams): CasePageQuery {
  const letter = one(params.letter);
  return {
    tab: one(params.tab) === 'history' ? 'history' : 'overview',
    activities: parseActivities(params.activity),
    letterId: letter && z.uuid().safeParse(letter).success ? letter : null,
    confirm: oneOf(STATUS_ACTIONS, one(params.confirm)),
    isPaymentForm: one(params.action) === 'payment',
    notice: oneOf(CASE_NOTICES, one(params.done)),
  };
}
