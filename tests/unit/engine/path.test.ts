import { describe, expect, it } from 'vitest';
import { DEFAULT_AGREEMENT, agreementFrom, plusDays, type Decision } from '@/lib/engine/rules';
import { SimCase } from './simulate';

function letters(sim: SimCase) {
  return sim.snapshot.letters.map((letter) => `${letter.kind}@${letter.sentOn}`);
}

describe('the collection path (pure)', () => {
  it('walks an overdue invoice through reminder, notice, demand, and waits for the legal confirmation', () => {
    const sim = new SimCase(1_000_000, '2025-03-01');
    sim.runDays('2025-03-01', 120);
    expect(letters(sim)).toEqual(['reminder@2025-03-15', 'notice@2025-03-29', 'demand@2025-04-15']);
    // Until the demand runs out six months after it was sent.
    expect(sim.decisions.at(-1)).toEqual({ kind: 'wait', reason: 'awaitingLegalConfirmation', nextOn: '2025-10-15' });
    // reminder fee 35 kr, notice fee 35 kr, light salær 560 kr (principal ≤ 10 000 kr)
    const fees = sim.ledger.filter((entry) => entry.kind === 'fee').map((entry) => entry.amountOre);
    expect(fees).toEqual([3_500, 3_500, 56_000]);
    // interest from 2 Mar: 13 d to the reminder, 14 to the notice, 17 to the demand, all at 12.5 %/365
    const interest = sim.ledger.filter((entry) => entry.kind === 'interest').map((entry) => entry.amountOre);
    expect(interest.reduce((a, b) => a + b, 0)).toBe(15_068); // 44 days × 1 000 000 × 0.125 / 365 = 15 068.49
    expect(sim.snapshot.balanceOre).toBe(sim.balance());
  });

  it('goes to legal after the confirmation, with the heavy fee when the demand is overrun, then surveillance', () => {
    const sim = new SimCase(1_000_000, '2025-03-01');
    sim.runDays('2025-03-01', 60);
    sim.snapshot = { ...sim.snapshot, legalConfirmed: true };
    sim.run('2025-05-20'); // demand deadline 29 Apr, overrun 21 days > 14
    expect(sim.snapshot.letters.at(-1)).toMatchObject({ kind: 'legal_notice', sentOn: '2025-05-20', feeOre: 56_000 });
    sim.runDays('2025-05-21', 400);
    expect(sim.snapshot.letters.at(-1)).toMatchObject({ kind: 'surveillance_notice', sentOn: '2026-05-20' });
    expect(sim.stage).toBe('surveillance');
  });

  it('sends a new demand when legal collection has not started within six months of the demand (no second salær)', () => {
    const sim = new SimCase(1_000_000, '2025-03-01');
    sim.runDays('2025-03-01', 240); // demand 15 Apr; no confirmation from the desk
    expect(letters(sim)).toEqual(['reminder@2025-03-15', 'notice@2025-03-29', 'demand@2025-04-15', 'demand@2025-10-15']);
    const renewed = sim.snapshot.letters.at(-1)!;
    expect(renewed).toMatchObject({ deadlineOn: '2025-10-29', feeOre: 0 });
    expect(sim.ledger.filter((entry) => entry.kind === 'fee').map((entry) => entry.amountOre)).toEqual([3_500, 3_500, 56_000]);
    // Confirmed now: legal after the new demand's deadline, with the heavy rate's difference (the first was overrun).
    sim.snapshot = { ...sim.snapshot, legalConfirmed: true };
    expect(sim.run('2025-10-29')).toMatchObject({ kind: 'wait', reason: 'notYet', nextOn: '2025-10-30' });
    sim.run('2025-10-30');
    expect(sim.snapshot.letters.at(-1)).toMatchObject({ kind: 'legal_notice', sentOn: '2025-10-30', feeOre: 56_000 });
  });

  it('counts the six months from the demand itself: a pause moves the demand\'s deadline, not its validity', () => {
    const sim = new SimCase(1_000_000, '2025-03-01');
    sim.runDays('2025-03-01', 46); // demand 15 Apr, deadline 29 Apr
    sim.snapshot = { ...sim.snapshot, pausedDays: 200, legalConfirmed: true };
    // Legal would wait until 15 Nov (30 Apr + 200 days); the demand runs out on 15 Oct first.
    expect(sim.run('2025-05-01')).toMatchObject({ kind: 'wait', reason: 'notYet', nextOn: '2025-10-15' });
    expect(sim.run('2025-10-15')).toMatchObject({ kind: 'letter', plan: { kind: 'demand', sentOn: '2025-10-15', feeOre: 0 } });
  });

  it('leaves the reminder out when the agreement says so, and charges no fee before 14 days after due', () => {
    const sim = new SimCase(40_000, '2025-03-01', {}, agreementFrom({ reminderEnabled: false, firstLetterAfterDueDays: 5 }));
    sim.runDays('2025-03-01', 10);
    expect(letters(sim)).toEqual(['notice@2025-03-06']);
    expect(sim.ledger.some((entry) => entry.kind === 'fee')).toBe(false);
  });

  it('charges a business debtor the standard compensation once, and 1.5 × the salær', () => {
    const sim = new SimCase(1_000_000, '2025-03-01', { businessDebtor: true });
    sim.runDays('2025-03-01', 50);
    expect(sim.ledger.filter((entry) => entry.kind === 'fee').map((entry) => entry.amountOre)).toEqual([46_000, 84_000]);
  });

  it('adds 25 % to the salær for a creditor that is not VAT-registered', () => {
    const sim = new SimCase(1_000_000, '2025-03-01', { creditorVatRegistered: false });
    sim.runDays('2025-03-01', 50);
    expect(sim.ledger.filter((entry) => entry.kind === 'fee').map((entry) => entry.amountOre)).toEqual([3_500, 3_500, 70_000]);
  });

  it('moves the next deadline by the length of a pause', () => {
    const sim = new SimCase(1_000_000, '2025-03-01');
    sim.runDays('2025-03-01', 15); // reminder 15 Mar
    sim.snapshot = { ...sim.snapshot, pausedDays: 10 };
    sim.runDays('2025-03-16', 30);
    expect(letters(sim).slice(0, 2)).toEqual(['reminder@2025-03-15', 'notice@2025-04-08']);
  });

  it('holds a disputed, paused, paid or closed case', () => {
    const reasons = (extra: object): Decision => new SimCase(1_000_000, '2025-03-01', extra).run('2025-06-01');
    expect(reasons({ disputed: true })).toMatchObject({ kind: 'wait', reason: 'disputed' });
    expect(reasons({ status: 'paused' })).toMatchObject({ kind: 'wait', reason: 'inactive' });
    expect(reasons({ status: 'withdrawn' })).toMatchObject({ kind: 'wait', reason: 'inactive' });
    expect(reasons({ balanceOre: 0 })).toMatchObject({ kind: 'wait', reason: 'nothingOwed' });
  });

  it('stops with an error when the rate for a half-year is missing', () => {
    const sim = new SimCase(1_000_000, '2026-06-01');
    expect(sim.run('2026-07-20')).toEqual({ kind: 'error', code: 'missingInterestRate', onDate: '2026-07-01' });
  });

  it('books interest up to a payment, so a payment of the letter amount later leaves only the new interest', () => {
    const sim = new SimCase(1_000_000, '2025-03-01');
    sim.run('2025-03-15');
    const due = sim.snapshot.balanceOre;
    sim.pay(due, plusDays('2025-03-15', 10));
    expect(sim.balance()).toBe(3_425); // 10 days × 12.5 % on 10 000 kr = 34.25 kr
  });

  it('keeps the legal minimums in the agreement', () => {
    expect(agreementFrom({ noticeDeadlineDays: 3, demandDeadlineDays: 'x', unknown: 1 })).toEqual(DEFAULT_AGREEMENT);
    expect(agreementFrom({ noticeDeadlineDays: 21 }).noticeDeadlineDays).toBe(21);
  });
});
