import type { CaseStatus } from '@/lib/case-list/schemas';

const TONE: Record<CaseStatus, string> = {
  active: 'bg-green-50 text-green-900 ring-green-600/30',
  paused: 'bg-amber-50 text-amber-900 ring-amber-600/30',
  withdrawn: 'bg-slate-100 text-slate-800 ring-slate-500/30',
  closed: 'bg-slate-100 text-slate-700 ring-slate-400/30',
};

/** The case status badge's classes: one look on the list (markup strings) and on the case page (JSX). */
export function statusBadgeClass(status: CaseStatus): string {
  return `inline-block rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE[status]}`;
}
