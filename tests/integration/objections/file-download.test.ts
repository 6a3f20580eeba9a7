import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { checkObjectionFile, type CheckedFile } from '@/lib/objections/files';
import { objectionFileResponse } from '@/lib/objections/download';
import { fileObjection } from '@/lib/objections/mutations';
import { getObjectionFile, listCaseObjectionFiles, listTaskObjectionFiles } from '@/lib/objections/queries';
import { makeCase, makeCompanyActor } from '@/tests/helpers/case-factories';
import { makeCompany } from '@/tests/helpers/factories';
import { realPdf } from '@/tests/helpers/invoice-fixtures';

async function checked(bytes: Uint8Array, name: string): Promise<CheckedFile> {
  const result = await checkObjectionFile(new File([Buffer.from(bytes)], name));
  if (!result.ok) throw new Error(result.messageKey);
  return result.file;
}

describe('the creditor and the desk download an objection’s files', () => {
  it('serves each file with its checked type, as an attachment, never sniffed; another company or case finds nothing', async () => {
    const { actor } = await makeCompanyActor(db, 'read');
    const debtCase = await makeCase(db, { companyId: actor.companyId, stage: 'notice' });
    const pdf = await realPdf('Kvittering');
    const receipt = await checked(pdf, 'kvittering «mars».pdf');
    const filed = await db.transaction((tx) =>
      fileObjection(
        tx,
        { companyId: actor.companyId, caseId: debtCase.id },
        { caseId: debtCase.id, reason: 'already_paid', body: 'Betalt 3. mars.' },
        [receipt],
      ),
    );

    // The links: on the case (creditor and desk) and behind the Innsikt task.
    const [link] = await listCaseObjectionFiles(actor.companyId, debtCase.id);
    expect(link).toMatchObject({ caseId: debtCase.id, taskId: filed.taskId, fileName: receipt.fileName });
    expect(await listTaskObjectionFiles([actor.companyId], [filed.taskId])).toEqual([link]);
    expect(await listCaseObjectionFiles(null, debtCase.id)).toEqual([link]);

    const response = objectionFileResponse(await getObjectionFile(actor.companyId, debtCase.id, link!.id));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="[^"]*\.pdf"; filename\*=UTF-8''/);
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdf);

    // The desk reads it by the case alone; another company, or the right file under another case, is not found.
    expect(await getObjectionFile(null, debtCase.id, link!.id)).not.toBeNull();
    const other = await makeCompany(db);
    expect(await getObjectionFile(other.id, debtCase.id, link!.id)).toBeNull();
    expect(await listTaskObjectionFiles([other.id], [filed.taskId])).toEqual([]);
    const otherCase = await makeCase(db, { companyId: actor.companyId });
    expect(await getObjectionFile(actor.companyId, otherCase.id, link!.id)).toBeNull();
    expect(objectionFileResponse(null).status).toBe(404);
  });
});
