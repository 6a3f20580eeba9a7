import { outbox, remittanceSlips } from '@/db/schema';
import type { MatrixFixture, MatrixRow, SessionPrincipal } from '@/tests/authorization/types';

/**
 * A slip of company A and a pending outbox email that attaches it, as the settlement run writes them, addressed to
 * the caller (the mailbox shows a user only their own mail; the attachment also needs membership of company A).
 */
async function emailWithSlip(fx: MatrixFixture, principal: SessionPrincipal): Promise<string> {
  const recipient =
    principal === 'anonymous' ? 'regnskap@test.no' : fx.users[principal === 'pendingSecondFactor' ? 'admin' : principal].email;
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
    .values({
      companyId: fx.companyId,
      channel: 'email',
      recipient,
      locale: 'nb',
      template: 'settlement_report',
      subject: 'Bilag',
      bodyText: 'Bilag',
      attachments: [{ kind: 'remittanceSlip', slipId: slip.id }],
    })
    .returning({ id: outbox.id });
  if (!row) throw new Error('outbox insert failed');
  return row.id;
}

export const rows: MatrixRow[] = [
  {
    file: 'app/api/dev/mailbox/[outboxId]/attachments/[index]/route.ts',
    name: 'GET',
    // The development mailbox (demo only): the user's own mail, and a slip only of the user's own company.
    needs: 'read',
    writes: false,
    input: async (fx, principal) => ({ path: `/api/dev/mailbox/${await emailWithSlip(fx, principal)}/attachments/0?locale=nb` }),
  },
];
