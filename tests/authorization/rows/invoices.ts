import { invoiceAttachments, invoiceDrafts } from '@/db/schema';
import { customer, realPdf, validNationalId } from '@/tests/helpers/invoice-fixtures';
import type { MatrixFixture, MatrixRow, SessionPrincipal } from '@/tests/authorization/types';

/**
 * A step-1 draft for the submit row. A draft is one user's own (another user's id is refused), so it belongs to
 * the calling principal when the runner passes one; without it, to the Skrive user. NOTE for the runner: the
 * admin cell of submitInvoiceAction needs `input(fx, 'admin')`, or it is (rightly) refused as someone else's draft.
 */
async function draftOf(fx: MatrixFixture, principal?: SessionPrincipal) {
  const owner = principal && principal !== 'anonymous' && principal !== 'pendingSecondFactor' ? fx.users[principal] : fx.users.write;
  const [row] = await fx.db
    .insert(invoiceDrafts)
    .values({ companyId: fx.companyId, userId: owner.id, customer: customer() })
    .returning({ id: invoiceDrafts.id });
  return row?.id ?? '';
}

export const rows: MatrixRow[] = [
  {
    file: 'lib/invoices/actions.ts',
    name: 'updateBetaAction',
    needs: 'signedIn',
    writes: true,
    input: () => ({ form: { manualInvoice: 'on' } }),
  },
  {
    file: 'lib/invoices/actions.ts',
    name: 'saveCustomerAction',
    needs: 'write',
    writes: true,
    input: (fx) => ({
      form: {
        locale: 'nb',
        intent: 'next',
        companyId: fx.companyId,
        customerNumber: `K-${crypto.randomUUID().slice(0, 8)}`,
        kind: 'person',
        name: 'Kari Nordmann',
        nationalId: validNationalId(),
        addressLine: 'Storgata 1',
        postcode: '0150',
        city: 'Oslo',
        countryCode: 'NO',
      },
    }),
  },
  {
    file: 'lib/invoices/actions.ts',
    name: 'submitInvoiceAction',
    needs: 'write',
    writes: true,
    input: async (fx, principal?: SessionPrincipal) => ({
      form: {
        locale: 'nb',
        draftId: await draftOf(fx, principal),
        invoiceNumber: `F-${crypto.randomUUID().slice(0, 8)}`,
        issuedOn: '2026-10-01',
        dueOn: '2026-10-15',
        amount: '1 234,50',
        currency: 'NOK',
        description: '',
      },
    }),
  },
  {
    // The PDF goes to the principal's own draft: a draft is one user's, another's id is not found.
    file: 'app/api/invoices/drafts/[draftId]/attachment/route.ts',
    name: 'POST',
    needs: 'write',
    writes: true,
    input: async (fx, principal?: SessionPrincipal) => ({
      path: `/api/invoices/drafts/${await draftOf(fx, principal)}/attachment?locale=nb`,
      multipart: { attachment: { fileName: 'faktura.pdf', type: 'application/pdf', bytes: await realPdf('Matrise') } },
    }),
  },
  {
    file: 'app/api/cases/[caseId]/attachments/[attachmentId]/route.ts',
    name: 'GET',
    needs: 'read',
    writes: false,
    input: async (fx) => {
      const draftId = await draftOf(fx);
      const [attachment] = await fx.db
        .insert(invoiceAttachments)
        .values({
          companyId: fx.companyId,
          draftId,
          invoiceId: fx.invoiceId,
          fileName: 'faktura.pdf',
          byteSize: 9,
          content: new TextEncoder().encode('%PDF-1.7\n'),
        })
        .returning({ id: invoiceAttachments.id });
      return { path: `/api/cases/${fx.caseId}/attachments/${attachment?.id ?? ''}?locale=nb` };
    },
  },
];
