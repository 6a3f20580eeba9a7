import type { ClaimComponent } from '@/lib/ledger/components';

export type Stage = 'reminder' | 'notice' | 'demand' | 'legal' | 'surveillance' | 'closed';
export type AllocationOrder = Record<Stage, readonly ClaimComponent[]>;

/**
 * The agency's default payment order per stage (domain.md §4): up to the notice, principal → fees → interest;
 * from the demand on, the collection fee → principal → interest. A company agreement may override any stage
 * (companies.allocation_order); the order is data, never a branch in code.
 */
export const DEFAULT_ALLOCATION_ORDER: AllocationOrder = {
  reminder: ['principal', 'fee', 'interest'],
  notice: ['principal', 'fee', 'interest'],
  demand: ['fee', 'principal', 'interest'],
  legal: ['fee', 'principal', 'interest'],
  surveillance: ['fee', 'principal', 'interest'],
  closed: ['fee', 'principal', 'interest'],
};

const COMPONENTS: readonly ClaimComponent[] = ['principal', 'interest', 'fee'];

function isCompleteOrder(value: unknown): value is ClaimComponent[] {
  return Array.isArray(value) && value.length === COMPONENTS.length && COMPONENTS.every((component) => value.includes(component));
}

/** The order for a stage: the company's agreed one when it names all three components once, else the default. */
export function orderForStage(stage: Stage, agreement: Record<string, unknown> | null | undefined): readonly ClaimComponent[] {
  const agreed = agreement?.[stage];
  return isCompleteOrder(agreed) ? agreed : DEFAULT_ALLOCATION_ORDER[stage];
}
