import { outbox, remittanceSlips } from '@/db/schema';
import type { MatrixFixture, MatrixRow } from '@/tests/authorization/types';

/** A slip of company A and a pending outbox email that attaches it, as the settlement run writes them. */
async function emailWithSlip(fx: MatrixFixture): Promise<string> {
  const [slip] = await fx.db
    .insert(remittanceSlips)
    .values({
      companyId: fx.companyId,
      slipNumber: `M-${crypto.randomUUID().slice(0, 8)}`,
      settledOn: '2026-01-05',
      periodEndOn: `20${String(Math.floor(Math.random() * 90) + 10)}-02-01`,
      payoutAccountNumber: '86011117947',
      bankReference: '2026010500001',
      caseCount: 0,
      grossOre: 0,
      principalOre: 0,
      netOre: 0,
    })
    .returning({ id: remittanceSlips.id });
  if (!slip) throw new Error('slip insert failed');
  const [row] = await fx.db
    .insert(outbox)
    .values({ companyId: fx.companyId, channel: 'email', recipient: 'regnskap@test.no', locale: 'nb', template: 'settlement_report', subject: 'Bilag', bodyText: 'Bilag', attachments: [{ kind: 'remittanceSlip', slipId: slip.id }] })
    .returning({ id: outbox.id });
  if (!row) throw new Error('outbox insert failed');
  return row.id;
}

export const rows: MatrixRow[] = [
  {
    file: 'app/api/dev/mailbox/[outboxId]/attachments/[index]/route.ts',
    name: 'GET',
    // The development mailbox stands in for every recipient's inbox (demo only): any full session.
    needs: 'signedIn',
    writes: false,
    input: async (fx) => ({ path: `/api/dev/mailbox/${await emailWithSlip(fx)}/attachments/0?locale=nb` }),
  },
];
