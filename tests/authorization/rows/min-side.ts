import { eq } from 'drizzle-orm';
import { cases, invoiceAttachments, invoiceDrafts, letters, type DraftCustomer } from '@/db/schema';
import type { MatrixFixture, MatrixRow } from '@/tests/authorization/types';

const SIGN_IN_STEPS = 'public: Min side’s sign-in steps; tests/integration/debtors and tests/e2e/min-side.test.ts cover them';

/** A letter on the fixture's case, as the engine writes it. */
async function letterOf(fx: MatrixFixture) {
  const [debtCase] = await fx.db.select({ kid: cases.kid, caseNumber: cases.caseNumber }).from(cases).where(eq(cases.id, fx.caseId));
  const [row] = await fx.db
    .insert(letters)
    .values({
      companyId: fx.companyId,
      caseId: fx.caseId,
      kind: 'notice',
      sentOn: '2025-03-10',
      deadlineOn: '2025-03-24',
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
    .returning({ id: letters.id });
  return row?.id ?? '';
}

const CUSTOMER: DraftCustomer = {
  customerNumber: '1',
  kind: 'person',
  name: 'Kari',
  nationalId: null,
  organisationNumber: null,
  addressLine: 'Storgata 1',
  postcode: '0150',
  city: 'Oslo',
  countryCode: 'NO',
  email: null,
  phone: null,
};

/** The invoice's PDF the creditor uploaded (through a draft, as the beta form stores it). */
async function attachmentOf(fx: MatrixFixture) {
  const [draft] = await fx.db
    .insert(invoiceDrafts)
    .values({ companyId: fx.companyId, userId: fx.users.write.id, customer: CUSTOMER })
    .returning({ id: invoiceDrafts.id });
  const [attachment] = await fx.db
    .insert(invoiceAttachments)
    .values({
      companyId: fx.companyId,
      draftId: draft?.id ?? '',
      invoiceId: fx.invoiceId,
      fileName: 'faktura.pdf',
      byteSize: 9,
      content: new TextEncoder().encode('%PDF-1.7\n'),
    })
    .returning({ id: invoiceAttachments.id });
  return attachment?.id ?? '';
}

export const rows: MatrixRow[] = [
  {
    file: 'lib/debtors/actions.ts',
    name: 'signInWithLetterCodeAction',
    needs: 'public',
    writes: true,
    notCalled: SIGN_IN_STEPS,
    input: () => ({}),
  },
  { file: 'app/api/min-side/bankid/route.ts', name: 'POST', needs: 'public', writes: true, notCalled: SIGN_IN_STEPS, input: () => ({}) },
  {
    file: 'app/api/min-side/bankid/callback/route.ts',
    name: 'GET',
    needs: 'public',
    writes: true,
    notCalled: SIGN_IN_STEPS,
    input: () => ({}),
  },
  // Signing out revokes the debtor's session (a volatile table): allowed means it answered, not that a row moved.
  {
    file: 'lib/debtors/actions.ts',
    name: 'signOutDebtorAction',
    needs: 'debtorSignedIn',
    writes: false,
    page: 'app/[locale]/min-side/page',
    input: () => ({}),
  },
  {
    file: 'app/api/min-side/cases/[caseId]/letters/[letterId]/route.ts',
    name: 'GET',
    needs: 'debtor',
    writes: false,
    input: async (fx) => ({ path: `/api/min-side/cases/${fx.caseId}/letters/${await letterOf(fx)}?locale=nb` }),
  },
  {
    file: 'app/api/min-side/cases/[caseId]/attachments/[attachmentId]/route.ts',
    name: 'GET',
    needs: 'debtor',
    writes: false,
    input: async (fx) => ({ path: `/api/min-side/cases/${fx.caseId}/attachments/${await attachmentOf(fx)}?locale=nb` }),
  },
];
