import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate, todayInOslo } from '@/lib/dates';
import { eventTypesFor, parseActivities } from '@/lib/cases/history-activities';
import { parseCasePageQuery } from '@/lib/cases/page-query';
import { paymentInfoFor } from '@/lib/cases/payment-info';
import { acceptsPayments, allowedActions } from '@/lib/cases/status-rules';

describe('Behandle offers only what the status allows', () => {
  it.each([
    ['active', ['pause', 'withdraw']],
    ['paused', ['resume', 'withdraw']],
    ['withdrawn', []],
    ['closed', []],
  ] as const)('%s → %j', (status, actions) => {
    expect(allowedActions(status)).toEqual(actions);
  });

  it('takes payments on active and paused cases only', () => {
    expect(['active', 'paused', 'withdrawn', 'closed'].filter((status) => acceptsPayments(status as 'active'))).toEqual([
      'active',
      'paused',
    ]);
  });
});

describe('payment information on Oversikt', () => {
  const base = {
    status: 'active' as const,
    kid: '200100100019',
    outstandingOre: 123_450,
    latestLetterDueOn: '2026-12-10',
    pausedDaysSinceLetter: 0,
  };

  it("formats the agency's account, keeps the KID and uses the newest letter's due date while it is ahead", () => {
    expect(paymentInfoFor(base, '86011117947', '2026-11-28')).toEqual({
      accountNumber: '8601 11 17947',
      kid: '200100100019',
      isKidValid: false,
      amountOre: 123_450,
      dueOn: '2026-12-10',
    });
  });

  it('gives 14 days from today when the letter deadline has passed or there is no letter', () => {
    expect(paymentInfoFor({ ...base, latestLetterDueOn: '2026-11-27' }, '86011117947', '2026-11-28')?.dueOn).toBe('2026-12-12');
    expect(paymentInfoFor({ ...base, latestLetterDueOn: null }, '86011117947', '2026-12-25')?.dueOn).toBe('2027-01-08');
  });

  it("moves the letter's due date by the days the case was paused since the letter, as the engine does", () => {
    expect(paymentInfoFor({ ...base, pausedDaysSinceLetter: 9 }, '86011117947', '2026-11-28')?.dueOn).toBe('2026-12-19');
    // A deadline that had passed is ahead again once the pause moved it.
    expect(paymentInfoFor({ ...base, latestLetterDueOn: '2026-11-27', pausedDaysSinceLetter: 5 }, '86011117947', '2026-11-28')?.dueOn).toBe(
      '2026-12-02',
    );
  });

  it('validates the KID with MOD10', () => {
    expect(paymentInfoFor({ ...base, kid: '12344' }, '86011117947', '2026-11-28')?.isKidValid).toBe(true);
  });

  it('has nothing to pay on a withdrawn or closed case, or when nothing is outstanding', () => {
    expect(paymentInfoFor({ ...base, status: 'withdrawn' }, '86011117947', '2026-11-28')).toBeNull();
    expect(paymentInfoFor({ ...base, status: 'closed' }, '86011117947', '2026-11-28')).toBeNull();
    expect(paymentInfoFor({ ...base, outstandingOre: 0 }, '86011117947', '2026-11-28')).toBeNull();
  });
});

describe('case page URL state', () => {
  it('reads tab, several activities, an open letter, a confirmation step and a notice', () => {
    const letter = '5eed0000-0000-4000-8000-000000000009';
    expect(parseCasePageQuery({ tab: 'history', activity: ['letters', 'payments', 'bogus'], letter, done: 'duplicate' })).toEqual({
      tab: 'history',
      activities: ['letters', 'payments'],
      letterId: letter,
      confirm: null,
      isPaymentForm: false,
      notice: 'duplicate',
    });
    expect(parseCasePageQuery({ confirm: 'withdraw', letter: 'x', tab: 'other', done: '<script>' })).toMatchObject({
      tab: 'overview',
      letterId: null,
      confirm: 'withdraw',
      notice: null,
    });
    expect(parseCasePageQuery({ action: 'payment' }).isPaymentForm).toBe(true);
  });

  it('maps activities to event types; none chosen means all', () => {
    expect(parseActivities('tasks')).toEqual(['tasks']);
    expect(eventTypesFor(['letters', 'creditNotes'])).toEqual(['letter.sent', 'credit_note.registered']);
    expect(eventTypesFor([])).toContain('case.stage_changed');
    expect(eventTypesFor([])).not.toContain('user.signed_in');
  });
});

describe('Oslo dates', () => {
  it('takes today in Europe/Oslo, not UTC', () => {
    expect(todayInOslo(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayInOslo(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });
});
