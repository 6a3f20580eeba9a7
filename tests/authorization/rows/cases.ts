import type { MatrixRow } from '@/tests/authorization/types';
import { todayInOslo } from '@/lib/dates';

export const rows: MatrixRow[] = [
  {
    file: 'lib/cases/actions.ts',
    name: 'changeCaseStatusAction',
    needs: 'write',
    writes: true,
    input: (fx) => ({ form: { caseId: fx.caseId, action: 'pause', expectedStatus: 'active' } }),
  },
  {
    file: 'lib/payments/actions.ts',
    name: 'registerPaymentAction',
    needs: 'write',
    writes: true,
    input: (fx) => ({
      form: {
        locale: 'nb',
        caseId: fx.caseId,
        kind: 'payment',
        invoiceId: fx.invoiceId,
        paidOn: todayInOslo(),
        currency: 'NOK',
        amount: '100',
        idempotencyKey: crypto.randomUUID(),
      },
    }),
  },
  {
    file: 'app/api/cases/export/route.ts',
    name: 'GET',
    needs: 'read',
    writes: false,
    input: (fx) => ({ path: `/api/cases/export?locale=nb&company=${fx.companyId}` }),
  },
];
