import { eq } from 'drizzle-orm';
import { cases } from '@/db/schema';
import type { MatrixFixture, MatrixRow } from '@/tests/authorization/types';

/** The fixture's case, closed: only an ended case has a § 15 statement. */
async function closedCase(fx: MatrixFixture): Promise<string> {
  await fx.db.update(cases).set({ status: 'closed', stage: 'closed', closedAt: new Date() }).where(eq(cases.id, fx.caseId));
  return fx.caseId;
}

export const rows: MatrixRow[] = [
  {
    file: 'app/api/cases/[caseId]/statement/route.ts',
    name: 'GET',
    needs: 'read',
    writes: false,
    input: async (fx) => ({ path: `/api/cases/${await closedCase(fx)}/statement?locale=nb` }),
  },
  {
    file: 'app/api/desk/cases/[caseId]/statement/route.ts',
    name: 'GET',
    needs: 'staff',
    writes: false,
    input: async (fx) => ({ path: `/api/desk/cases/${await closedCase(fx)}/statement?locale=en` }),
  },
];
