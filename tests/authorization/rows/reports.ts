import { remittanceLines, remittanceSlips } from '@/db/schema';
import type { MatrixFixture, MatrixRow } from '@/tests/authorization/types';
import { todayInOslo } from '@/lib/dates';

/** A slip of company A with one line on the fixture's case, as the settlement run writes it. */
async function slipOfCompanyA(fx: MatrixFixture): Promise<string> {
  const periodEndOn = todayInOslo();
  const [slip] = await fx.db
    .insert(remittanceSlips)
    .values({
      companyId: fx.companyId,
      slipNumber: `M-${crypto.randomUUID().slice(0, 8)}`,
      settledOn: periodEndOn,
      // Unique per company and cut-off; each cell gets a fresh fixture, but keep it distinct anyway.
      periodEndOn: `20${String(Math.floor(Math.random() * 90) + 10)}-01-01`,
      payoutAccountNumber: '86011117947',
      bankReference: '2026120100001',
      caseCount: 1,
      grossOre: 10_000,
      principalOre: 10_000,
      netOre: 10_000,
    })
    .returning({ id: remittanceSlips.id });
  if (!slip) throw new Error('slip insert failed');
  await fx.db.insert(remittanceLines).values({
    companyId: fx.companyId,
    slipId: slip.id,
    caseId: fx.caseId,
    principalOre: 10_000,
    interestOre: 0,
    agencyFeeOre: 0,
    vatOre: 0,
    netOre: 10_000,
  });
  return slip.id;
}

export const rows: MatrixRow[] = [
  {
    file: 'app/api/reports/download/route.ts',
    name: 'GET',
    needs: 'read',
    writes: false,
    input: async (fx) => ({ path: `/api/reports/download?locale=nb&ids=${await slipOfCompanyA(fx)}` }),
  },
  {
    file: 'app/api/reports/slips/[slipId]/xlsx/route.ts',
    name: 'GET',
    needs: 'read',
    writes: false,
    input: async (fx) => ({ path: `/api/reports/slips/${await slipOfCompanyA(fx)}/xlsx?locale=nb` }),
  },
];
