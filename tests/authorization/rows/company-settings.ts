import { randomUUID } from 'node:crypto';
import type { MatrixRow } from '@/tests/authorization/types';

export const rows: MatrixRow[] = [
  {
    file: 'lib/settlements/email/actions.ts',
    name: 'updateSettlementEmailAction',
    needs: 'admin',
    writes: true,
    input: (fx) => ({
      form: { companyId: fx.companyId, settlementEmail: `regnskap-${randomUUID().slice(0, 8)}@test.no`, settlementEmailLocale: 'en' },
    }),
  },
];
