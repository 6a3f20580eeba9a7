import { objectionFiles, objections } from '@/db/schema';
import type { MatrixFixture, MatrixRow } from '@/tests/authorization/types';

/** An objection with one receipt on the fixture's case, as the debtor's "Bestrid kravet" leaves it. */
async function objectionFileOf(fx: MatrixFixture): Promise<string> {
  const [objection] = await fx.db
    .insert(objections)
    .values({ companyId: fx.companyId, caseId: fx.caseId, reason: 'already_paid', body: 'Betalt' })
    .returning({ id: objections.id });
  const content = new TextEncoder().encode('\x89PNG\r\n\x1a\n');
  const [file] = await fx.db
    .insert(objectionFiles)
    .values({
      companyId: fx.companyId,
      objectionId: objection!.id,
      fileName: 'kvittering.png',
      contentType: 'image/png',
      byteSize: content.byteLength,
      content,
    })
    .returning({ id: objectionFiles.id });
  return file!.id;
}

// The creditor (Lese and up) and the desk read the debtor's objection files (issue #21); debtors and others get 404.
export const rows: MatrixRow[] = [
  {
    file: 'app/api/cases/[caseId]/objection-files/[fileId]/route.ts',
    name: 'GET',
    needs: 'read',
    writes: false,
    input: async (fx) => ({ path: `/api/cases/${fx.caseId}/objection-files/${await objectionFileOf(fx)}?locale=nb` }),
  },
  {
    file: 'app/api/desk/cases/[caseId]/objection-files/[fileId]/route.ts',
    name: 'GET',
    needs: 'staff',
    writes: false,
    input: async (fx) => ({ path: `/api/desk/cases/${fx.caseId}/objection-files/${await objectionFileOf(fx)}?locale=nb` }),
  },
];
