import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agencyFeeAndVat, buildSlipLines, linesNetOre, type SettledEntry } from '@/lib/settlements/lines';

const entry = fc.record({
  caseId: fc.constantFrom('a', 'b', 'c'),
  covers: fc.constantFrom('principal' as const, 'interest' as const, 'fee' as const),
  amountOre: fc.integer({ min: 1, max: 10_000_000 }),
  direct: fc.boolean(),
}) satisfies fc.Arbitrary<SettledEntry>;

describe('a slip’s lines and totals (domain.md §5)', () => {
  it('the example: 560 + 140 kr paid by the debtor of a creditor that is not VAT-registered → fee 560, VAT 140, nothing charged', () => {
    expect(agencyFeeAndVat(70_000, false)).toEqual({ agencyFeeOre: 56_000, vatOre: 14_000, chargedOre: 0 });
    expect(agencyFeeAndVat(56_000, true)).toEqual({ agencyFeeOre: 56_000, vatOre: 14_000, chargedOre: 14_000 });
  });

  it('never pays out a negative amount, carries exactly the shortfall, and conserves money to the øre', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 30 }),
        fc.boolean(),
        fc.integer({ min: -1_000_000, max: 0 }),
        (entries, vatRegistered, carriedInOre) => {
          const { lines, totals } = buildSlipLines(entries, { vatRegistered, carriedInOre });
          expect(totals.netOre).toBeGreaterThanOrEqual(0);
          expect(totals.carriedOutOre).toBeLessThanOrEqual(0);
          const paid = lines.filter((line) => !line.isDirectPayment);
          const linesNet = paid.reduce((sum, line) => sum + line.netOre, 0);
          expect(linesNetOre(totals)).toBe(linesNet);
          // Nothing paid out while something is carried, and nothing carried while something is paid out.
          expect(totals.netOre === 0 || totals.carriedOutOre === 0).toBe(true);
          // What the debtors paid = the creditor's net + what the agency keeps + VAT charged to the creditor back out.
          const debtorPaid = entries.filter((e) => !e.direct).reduce((sum, e) => sum + e.amountOre, 0);
          expect(totals.grossOre).toBe(debtorPaid);
          for (const line of paid) {
            expect(line.netOre).toBe(line.principalOre + line.interestOre - (vatRegistered ? line.vatOre : 0));
            if (!vatRegistered) expect(line.netOre).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });
});
