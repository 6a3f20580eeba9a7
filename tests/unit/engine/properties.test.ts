import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accrueInterest, collectionFeeOre, plusDays, reminderFeeOre, standardCompensationOre, dayNumber } from '@/lib/engine/rules';
import { SimCase } from './simulate';

// The table's covered span: 2023-01-01 up to 2026-07-01 (exclusive).
const FIRST = dayNumber('2023-01-01');
const LAST = dayNumber('2026-07-01');
const iso = (day: number) => plusDays('1970-01-01', day);

describe('properties of the pure rules', () => {
  it('interest over any split of a period equals interest over the whole period, to the øre', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: FIRST, max: LAST }),
        fc.integer({ min: FIRST, max: LAST }),
        fc.array(fc.integer({ min: FIRST, max: LAST }), { maxLength: 12 }),
        (principal, a, b, cuts) => {
          const [from, to] = a <= b ? [a, b] : [b, a];
          const points = [from, ...cuts.filter((cut) => cut > from && cut < to).sort((x, y) => x - y), to];
          let carry = 0n;
          let total = 0;
          for (let i = 1; i < points.length; i += 1) {
            const step = accrueInterest(principal, iso(points[i - 1]!), iso(points[i]!), carry);
            total += step.interestOre;
            carry = step.carryUnits;
          }
          const whole = accrueInterest(principal, iso(from), iso(to));
          expect(total).toBe(whole.interestOre);
          expect(carry).toBe(whole.carryUnits);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('fees never exceed the table: at most two reminder/notice fees (or one compensation) and the heavy salær', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.integer({ min: dayNumber('2023-02-01'), max: dayNumber('2025-06-01') }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 30 }),
        (principal, dueDay, business, vat, confirm, gaps) => {
          const sim = new SimCase(principal, iso(dueDay), { businessDebtor: business, creditorVatRegistered: vat, legalConfirmed: confirm });
          let day = dueDay;
          for (const gap of gaps) {
            day += gap;
            if (day >= LAST) break;
            sim.run(iso(day));
          }
          const fees = sim.ledger.filter((entry) => entry.kind === 'fee').reduce((sum, entry) => sum + entry.amountOre, 0);
          const lastDay = iso(Math.min(day, LAST - 1));
          const small = business ? standardCompensationOre(lastDay) : 2 * reminderFeeOre(lastDay);
          const salaer = collectionFeeOre({ principalOre: principal, onDate: lastDay, heavy: true, businessDebtor: business, creditorVatRegistered: vat });
          expect(fees).toBeLessThanOrEqual(small + salaer);
          expect(fees).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('money is conserved through any sequence of letters, payments and credit notes', () => {
    const action = fc.oneof(
      fc.record({ kind: fc.constant('run' as const), gap: fc.integer({ min: 0, max: 30 }) }),
      fc.record({ kind: fc.constant('pay' as const), gap: fc.integer({ min: 0, max: 30 }), amount: fc.integer({ min: 1, max: 2_000_000 }) }),
      fc.record({ kind: fc.constant('credit' as const), gap: fc.integer({ min: 0, max: 30 }), amount: fc.integer({ min: 1, max: 2_000_000 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.array(action, { maxLength: 25 }), (principal, actions) => {
        const sim = new SimCase(principal, '2024-01-10');
        let day = dayNumber('2024-01-10');
        let paid = 0;
        for (const step of actions) {
          day += step.gap;
          if (day >= LAST) break;
          if (step.kind === 'run') sim.run(iso(day));
          else if (step.kind === 'pay') {
            const split = sim.pay(step.amount, iso(day));
            expect(split.principal + split.interest + split.fee + split.credit).toBe(step.amount);
            paid += step.amount;
          } else sim.credit(step.amount, iso(day));
        }
        const claims = sim.ledger.filter((e) => e.kind !== 'payment' && e.kind !== 'credit_note').reduce((s, e) => s + e.amountOre, 0);
        const reductions = sim.ledger.filter((e) => e.kind === 'payment' || e.kind === 'credit_note').reduce((s, e) => s - e.amountOre, 0);
        expect(sim.balance()).toBe(claims - reductions);
        expect(sim.snapshot.balanceOre).toBe(sim.balance());
        const owed = sim.snapshot.owed;
        const credit = sim.ledger.filter((e) => e.covers === 'credit').reduce((s, e) => s - e.amountOre, 0);
        expect(owed.principal + owed.interest + owed.fee - credit).toBe(sim.balance());
        expect(sim.ledger.filter((e) => e.kind === 'payment').reduce((s, e) => s - e.amountOre, 0)).toBe(paid);
        for (const value of Object.values(owed)) expect(value).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
