import { interestRates, onlinePayments } from '@/db/schema';
import type { MatrixFixture, MatrixRow } from '@/tests/authorization/types';
import { realPdf } from '@/tests/helpers/invoice-fixtures';

// Min side's actions (issue #21): the debtor of the fixture's case (BankID or its letter code) is allowed, another
// debtor finds nothing, creditors and staff are nobody to Min side. The provider's webhook has no session: its
// signature is the permission, and every refusal (no, wrong or stale signature; replay; unknown reference) is
// proven against the database in tests/integration/online-payments/callback.test.ts.
const SIGNED_BY_PROVIDER = 'Signed by the payment provider (HMAC), not by a session: tests/integration/online-payments/callback.test.ts';

/** A pending payment of the local (demo) provider on the fixture's case, as "Betal nå" leaves it. */
async function pendingLocalPayment(fx: MatrixFixture): Promise<string> {
  const reference = `case-matrix-${crypto.randomUUID().slice(0, 12)}`;
  await fx.db.insert(onlinePayments).values({
    companyId: fx.companyId,
    caseId: fx.caseId,
    provider: 'local',
    reference,
    idempotencyKey: crypto.randomUUID(),
    amountOre: 10_000,
  });
  return reference;
}

/** A plan is priced by the claim to its last day: the half-years ahead need a rate (the demo's assumption, here too). */
async function ratesAhead(fx: MatrixFixture) {
  const halves = ['2026-07-01', '2027-01-01', '2027-07-01', '2028-01-01'];
  await fx.db
    .insert(interestRates)
    .values(halves.map((validFrom) => ({ validFrom, rateBasisPoints: 1_200, source: 'matrix', assumption: true })))
    .onConflictDoNothing();
}

export const rows: MatrixRow[] = [
  {
    file: 'app/api/payments/vipps/route.ts',
    name: 'POST',
    needs: 'public',
    writes: true,
    notCalled: SIGNED_BY_PROVIDER,
    input: () => ({}),
  },
  {
    file: 'lib/debtor-actions/actions.ts',
    name: 'payNowAction',
    needs: 'debtor',
    writes: true,
    page: 'app/[locale]/min-side/cases/[caseId]/pay/page',
    input: (fx) => ({ form: { caseId: fx.caseId, amount: '100', idempotencyKey: crypto.randomUUID() } }),
  },
  {
    file: 'lib/debtor-actions/actions.ts',
    name: 'decideLocalPaymentAction',
    needs: 'debtor',
    writes: true,
    page: 'app/[locale]/min-side/demo-payment/[reference]/page',
    input: async (fx) => ({ form: { reference: await pendingLocalPayment(fx), decision: 'approve' } }),
  },
  {
    // Innsigelse with its receipt: a plain multipart form posts to this route (files of 10 MB pass no server action).
    file: 'app/api/min-side/cases/[caseId]/objection/route.ts',
    name: 'POST',
    needs: 'debtor',
    writes: true,
    input: async (fx) => ({
      path: `/api/min-side/cases/${fx.caseId}/objection?locale=nb`,
      multipart: {
        reason: 'already_paid',
        body: 'Jeg betalte fakturaen, se kvitteringen.',
        files: { fileName: 'kvittering.pdf', type: 'application/pdf', bytes: await realPdf('Kvittering') },
      },
    }),
  },
  {
    file: 'lib/debtor-actions/actions.ts',
    name: 'requestArrangementAction',
    needs: 'debtor',
    writes: true,
    page: 'app/[locale]/min-side/cases/[caseId]/plan/page',
    input: async (fx) => {
      await ratesAhead(fx);
      return { form: { caseId: fx.caseId, kind: 'plan', mode: 'months', months: '3' } };
    },
  },
  {
    file: 'lib/debtor-actions/actions.ts',
    name: 'postDebtorMessageAction',
    needs: 'debtor',
    writes: true,
    page: 'app/[locale]/min-side/cases/[caseId]/messages/page',
    input: (fx) => ({ form: { caseId: fx.caseId, body: 'Jeg har et spørsmål om saken.' } }),
  },
  {
    file: 'lib/debtor-actions/actions.ts',
    name: 'changeLetterConsentAction',
    // The consent is the signed-in debtor's own (their identity, not a case): any debtor may give or withdraw theirs.
    needs: 'debtorSignedIn',
    writes: true,
    page: 'app/[locale]/min-side/settings/page',
    input: () => ({ form: { intent: 'grant', channel: 'email', address: 'skyldner@example.com', agree: 'on' } }),
  },
];
