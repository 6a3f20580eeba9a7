import { caseCollection, cases, letters } from '@/db/schema';
import { eq } from 'drizzle-orm';
import type { MatrixFixture, MatrixRow } from '@/tests/authorization/types';

/** A letter on the fixture's case, as the engine writes it. */
async function letterOf(fx: MatrixFixture) {
  const [debtCase] = await fx.db.select({ kid: cases.kid, caseNumber: cases.caseNumber }).from(cases).where(eq(cases.id, fx.caseId));
  const [row] = await fx.db
    .insert(letters)
    .values({
      companyId: fx.companyId,
      caseId: fx.caseId,
      kind: 'reminder',
      sentOn: `2025-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`,
      deadlineOn: '2025-12-31',
      accountNumber: '86011117947',
      kid: debtCase?.kid ?? '0',
      amountDueOre: 1_003_500,
      principalOre: 1_000_000,
      interestOre: 0,
      feeOre: 3_500,
      newFeeOre: 3_500,
      interestRateBasisPoints: 1_250,
      interestFromOn: '2025-01-02',
      content: {
        creditor: { name: 'A', organisationNumber: '123456785' },
        debtor: { name: 'Kari', kind: 'person', addressLine: null, postcode: null, city: null },
        invoices: [],
        caseNumber: debtCase?.caseNumber ?? 0,
        newFees: [],
      },
    })
    .onConflictDoNothing()
    .returning({ id: letters.id });
  return row?.id ?? '';
}

export const rows: MatrixRow[] = [
  {
    file: 'app/api/cases/[caseId]/letters/[letterId]/route.ts',
    name: 'GET',
    needs: 'read',
    writes: false,
    input: async (fx) => ({ path: `/api/cases/${fx.caseId}/letters/${await letterOf(fx)}?locale=nb` }),
  },
];

rows.push(
  {
    file: 'lib/engine/actions.ts',
    name: 'deskCollectionAction',
    needs: 'staff',
    writes: true,
    input: (fx) => ({ form: { caseId: fx.caseId, intent: 'confirmLegal', reason: '' } }),
  },
  {
    file: 'lib/engine/actions.ts',
    name: 'creditorCollectionAction',
    needs: 'write',
    writes: true,
    input: (fx) => ({ form: { caseId: fx.caseId, intent: 'dispute', reason: 'Varene kom aldri' } }),
  },
);

rows.push({
  file: 'lib/engine/actions.ts',
  name: 'updateAgreementAction',
  needs: 'staff',
  writes: true,
  input: (fx) => ({
    form: {
      companyId: fx.companyId,
      reminderEnabled: 'on',
      firstLetterAfterDueDays: '15',
      reminderDeadlineDays: '14',
      noticeAfterReminderDays: '14',
      noticeDeadlineDays: '21',
      demandAfterNoticeDeadlineDays: '3',
      demandDeadlineDays: '14',
      heavyFeeAfterOverrunDays: '28',
      surveillanceAfterLegalMonths: '12',
      standardCompensation: 'on',
      vatRegistered: 'on',
      longestPlanMonths: '12',
      longestPostponementDays: '14',
      smallestInstalment: '500',
      agencyMayApprovePlans: 'on',
    },
  }),
});

/** The fixture's case with an open dispute, for the decision rows (the decision answers one). */
async function disputed(fx: MatrixFixture) {
  await fx.db
    .insert(caseCollection)
    .values({ caseId: fx.caseId, companyId: fx.companyId, disputedAt: new Date(), disputeReason: 'Varene kom aldri' })
    .onConflictDoUpdate({ target: caseCollection.caseId, set: { disputedAt: new Date(), disputeReason: 'Varene kom aldri' } });
  return { caseId: fx.caseId, locale: 'nb', outcome: 'partly', notOwed: '100', costsWaived: 'on', reason: 'Delvis levert' };
}

rows.push(
  {
    file: 'lib/engine/actions.ts',
    name: 'decideDisputeAction',
    needs: 'write',
    writes: true,
    input: async (fx) => ({ form: await disputed(fx) }),
  },
  {
    file: 'lib/engine/actions.ts',
    name: 'deskDecideDisputeAction',
    needs: 'staff',
    writes: true,
    input: async (fx) => ({ form: await disputed(fx) }),
  },
);
