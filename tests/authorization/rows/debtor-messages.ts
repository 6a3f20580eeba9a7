import { messages } from '@/db/schema';
import type { MatrixFixture, MatrixRow } from '@/tests/authorization/types';

/** A debtor's message on the fixture's case, not yet shared, as Min side's "Skriv til oss" leaves it. */
async function debtorMessageOf(fx: MatrixFixture): Promise<string> {
  const [row] = await fx.db
    .insert(messages)
    .values({
      companyId: fx.companyId,
      caseId: fx.caseId,
      authorUserId: null,
      fromAgency: false,
      fromDebtor: true,
      sharedWithCreditor: false,
      body: 'Kan jeg få en kopi?',
    })
    .returning({ id: messages.id });
  return row!.id;
}

// The desk's side of the debtor's thread (issue #21): only agency staff share a debtor's message or answer the debtor.
export const rows: MatrixRow[] = [
  {
    file: 'lib/messages/actions.ts',
    name: 'shareDebtorMessageAction',
    needs: 'staff',
    writes: true,
    input: async (fx) => ({ form: { caseId: fx.caseId, messageId: await debtorMessageOf(fx) } }),
  },
  {
    file: 'lib/messages/actions.ts',
    name: 'replyToDebtorAction',
    needs: 'staff',
    writes: true,
    input: (fx) => ({ form: { caseId: fx.caseId, body: 'Kopien ligger i Min side.' } }),
  },
];
