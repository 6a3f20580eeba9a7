import { calculateInterestOre } from '@/lib/domain/interest';
import { DEMO_RATES } from '@/db/seed/demo-rates';
import type { PaymentComponent } from '@/lib/ledger/components';
import type { CaseRun } from '@/db/seed/demo-case-run';
import { DAY_MS, isoDay } from '@/db/seed/demo-dates';

// Ledger entries of a simulated case; they keep the case's balance and what is owed per component.

type EntryKind = 'principal' | 'interest' | 'fee' | 'payment' | 'credit_note';
type BookExtra = { invoiceId?: string; createdByUserId?: string | null; covers?: PaymentComponent; debtorPaymentId?: string };

export function book(run: CaseRun, kind: EntryKind, amountOre: number, at: Date, extra: BookExtra = {}) {
  const { owed } = run;
  run.balance += amountOre;
  if (kind === 'principal' || kind === 'interest' || kind === 'fee') owed[kind] += amountOre;
  else if (extra.covers !== 'credit') owed[extra.covers ?? 'principal'] = Math.max(0, owed[extra.covers ?? 'principal'] + amountOre);
  run.rows.ledger.push({
    id: run.ctx.newId(),
    companyId: run.companyId,
    caseId: run.plan.id,
    invoiceId: extra.invoiceId ?? null,
    kind,
    amountOre,
    bookedOn: isoDay(Math.floor(at.getTime() / DAY_MS)),
    createdByUserId: extra.createdByUserId ?? null,
    covers: extra.covers ?? null,
    debtorPaymentId: extra.debtorPaymentId ?? null,
    createdAt: at,
  });
}

/** Interest on the open principal since the last booking of interest (or the due date). */
export function bookInterest(run: CaseRun, day: number, at: Date) {
  const interest = calculateInterestOre(Math.max(run.principalOpen, 0), isoDay(run.interestFrom), isoDay(day), DEMO_RATES);
  if (interest > 0) book(run, 'interest', interest, at);
  run.interestFrom = day;
}
