// Which manage actions a case status allows; shared by the page (what to offer) and the mutation (what to accept).

export const CASE_STATUSES = ['active', 'paused', 'withdrawn', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STAGES = ['reminder', 'notice', 'demand', 'legal', 'surveillance', 'closed'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const STATUS_ACTIONS = ['pause', 'resume', 'withdraw'] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];

const ALLOWED_FROM: Record<StatusAction, readonly CaseStatus[]> = {
  pause: ['active'],
  resume: ['paused'],
  withdraw: ['active', 'paused'],
};

export const STATUS_AFTER: Record<StatusAction, CaseStatus> = {
  pause: 'paused',
  resume: 'active',
  withdraw: 'withdrawn',
};

export function isActionAllowed(action: StatusAction, status: CaseStatus): boolean {
  return ALLOWED_FROM[action].includes(status);
}

/** The actions to offer for a status, in menu order; none on a closed or withdrawn case. */
export function allowedActions(status: CaseStatus): StatusAction[] {
  return STATUS_ACTIONS.filter((action) => isActionAllowed(action, status));
}

/** Payments and credit notes can be registered while the case is open (active or paused). */
export function acceptsPayments(status: CaseStatus): boolean {
  return status === 'active' || status === 'paused';
}

/** "The case changed while you were working; it is now …", one message per status it changed to. */
export const CHANGED_TO_KEYS = {
  active: 'cases.errors.changedToActive',
  paused: 'cases.errors.changedToPaused',
  withdrawn: 'cases.errors.changedToWithdrawn',
  closed: 'cases.errors.changedToClosed',
} as const satisfies Record<CaseStatus, string>;
