import { eq } from 'drizzle-orm';
import { cases, debtorPayments, ledgerEntries } from '@/db/schema';
import type { MatrixFixture, MatrixRow } from '@/tests/authorization/types';
import { todayInOslo } from '@/lib/dates';

const today = () => todayInOslo();

async function caseOfA(fx: MatrixFixture) {
  const [row] = await fx.db.select({ kid: cases.kid, caseNumber: cases.caseNumber }).from(cases).where(eq(cases.id, fx.caseId));
  if (!row) throw new Error('fixture case missing');
  return row;
}

export const rows: MatrixRow[] = [
  {
    file: 'lib/debtor-payments/actions.ts',
    name: 'registerDebtorPaymentAction',
    needs: 'staff',
    writes: true,
    input: async (fx) => ({
      form: { paidOn: today(), kid: (await caseOfA(fx)).kid, amount: '100', payer: 'Kari', bankReference: `M-${crypto.randomUUID()}` },
    }),
  },
  {
    file: 'lib/debtor-payments/actions.ts',
    name: 'assignDebtorPaymentAction',
    needs: 'staff',
    writes: true,
    input: async (fx) => {
      const [payment] = await fx.db
        .insert(debtorPayments)
        .values({
          status: 'unmatched',
          source: 'desk',
          paidOn: today(),
          kid: '12345678903',
          amountOre: 10_000,
          bankReference: `M-${crypto.randomUUID()}`,
          unmatchedReason: 'unknownKid',
        })
        .returning({ id: debtorPayments.id });
      return { form: { paymentId: payment!.id, caseNumber: String((await caseOfA(fx)).caseNumber) } };
    },
  },
  {
    file: 'lib/debtor-payments/actions.ts',
    name: 'importDebtorPaymentsAction',
    needs: 'staff',
    writes: true,
    input: async (fx) => ({ form: { content: `${today()};${(await caseOfA(fx)).kid};100;Kari;M-${crypto.randomUUID()}` } }),
  },
  {
    file: 'lib/settlements/actions.ts',
    name: 'runSettlementAction',
    needs: 'staff',
    writes: true,
    input: async (fx) => {
      // A debtor payment allocated to company A's case: money for the run to pay out (a creditor's direct payment
      // alone would make no slip).
      const [payment] = await fx.db
        .insert(debtorPayments)
        .values({
          companyId: fx.companyId,
          caseId: fx.caseId,
          status: 'allocated',
          source: 'desk',
          paidOn: today(),
          kid: (await caseOfA(fx)).kid,
          amountOre: 10_000,
          bankReference: `M-${crypto.randomUUID()}`,
          principalOre: 10_000,
          allocatedAt: new Date(),
        })
        .returning({ id: debtorPayments.id });
      await fx.db.insert(ledgerEntries).values({
        companyId: fx.companyId,
        caseId: fx.caseId,
        kind: 'payment',
        covers: 'principal',
        amountOre: -10_000,
        bookedOn: today(),
        debtorPaymentId: payment!.id,
      });
      const [row] = await fx.db.select({ balanceOre: cases.balanceOre }).from(cases).where(eq(cases.id, fx.caseId));
      await fx.db
        .update(cases)
        .set({ balanceOre: (row?.balanceOre ?? 0) - 10_000 })
        .where(eq(cases.id, fx.caseId));
      return { form: { companyId: fx.companyId, periodEndOn: today() } };
    },
  },
];
