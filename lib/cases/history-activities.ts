// The history filter's activity types ("Filtrer"), each with the event types it shows.

export const HISTORY_ACTIVITIES = ['letters', 'payments', 'creditNotes', 'status', 'stage', 'messages', 'tasks'] as const;
export type HistoryActivity = (typeof HISTORY_ACTIVITIES)[number];

export const ACTIVITY_EVENT_TYPES: Record<HistoryActivity, readonly string[]> = {
  letters: ['letter.sent'],
  payments: ['payment.registered', 'claim.corrected'],
  creditNotes: ['credit_note.registered'],
  status: [
    'case.registered',
    'case.paused',
    'case.resumed',
    'case.withdrawn',
    'case.closed',
    'case.disputed',
    'case.dispute_resolved',
    'case.dispute_decided',
    'case.rate_corrected',
    'case.legal_confirmed',
    'arrangement.started',
    'arrangement.requested',
    'arrangement.instalment_missed',
    'arrangement.ended',
  ],
  stage: ['case.stage_changed'],
  messages: ['message.received', 'message.sent'],
  tasks: ['task.created', 'task.answered', 'task.closed', 'task.reopened'],
};

/** Every event type the case history shows. */
export const CASE_HISTORY_EVENT_TYPES: readonly string[] = HISTORY_ACTIVITIES.flatMap((activity) => ACTIVITY_EVENT_TYPES[activity]);

/** The `activity` query values (repeated), unknown ones dropped; none chosen means all. */
export function parseActivities(value: string | string[] | undefined): HistoryActivity[] {
  const values = Array.isArray(value) ? value : value ? [value] : [];
  return HISTORY_ACTIVITIES.filter((activity) => values.includes(activity));
}

export function eventTypesFor(activities: readonly HistoryActivity[]): readonly string[] {
  return activities.length === 0 ? CASE_HISTORY_EVENT_TYPES : activities.flatMap((activity) => ACTIVITY_EVENT_TYPES[activity]);
}
