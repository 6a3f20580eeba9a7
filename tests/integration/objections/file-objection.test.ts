import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { caseCollection, letters, objectionFiles, objections, tasks } from '@/db/schema';
import { getCollectionState } from '@/lib/engine/queries';
import { runEngine } from '@/lib/engine/run';
import { taskText } from '@/lib/i18n/task-text';
import { checkObjectionFile, MAX_OBJECTION_FILE_BYTES, type CheckedFile } from '@/lib/objections/files';
import { fileObjection, getObjection } from '@/lib/objections/mutations';
import { listMyTasks } from '@/lib/tasks/queries';
import { caseEvents, makeCase, makeCompanyActor } from '@/tests/helpers/case-factories';
import { makeOverdueCase, onDay } from '@/tests/helpers/engine-factories';
import { makeCompany } from '@/tests/helpers/factories';
import { realPdf } from '@/tests/helpers/invoice-fixtures';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);

async function checked(bytes: Uint8Array, name: string): Promise<CheckedFile> {
  const result = await checkObjectionFile(new File([Buffer.from(bytes)], name));
  if (!result.ok) throw new Error(result.messageKey);
  return result.file;
}

describe('an objection from Min side', () => {
  it('judges files by their content: PDF with pages, PNG, JPEG pass; a renamed text, a broken PDF and 10 MB + 1 are refused', async () => {
    expect(await checkObjectionFile(new File([Buffer.from(await realPdf('Kvittering'))], 'kvittering.pdf'))).toMatchObject({
      ok: true,
      file: { contentType: 'application/pdf', fileName: 'kvittering.pdf' },
    });
    expect(await checkObjectionFile(new File([Buffer.from(PNG)], 'bilde.pdf'))).toMatchObject({
      ok: true,
      file: { contentType: 'image/png', fileName: 'bilde.png' },
    });
    expect(await checkObjectionFile(new File([Buffer.from(JPEG)], '../../etc/passwd'))).toMatchObject({
      ok: true,
      file: { contentType: 'image/jpeg', fileName: 'passwd.jpg' },
    });
    expect(await checkObjectionFile(new File(['MZ this is not a pdf'], 'kvittering.pdf', { type: 'application/pdf' }))).toEqual({
      ok: false,
      messageKey: 'debtorActions.object.errors.fileType',
    });
    expect(await checkObjectionFile(new File(['%PDF-1.7\nno pages here\n%%EOF'], 'tom.pdf'))).toEqual({
      ok: false,
      messageKey: 'debtorActions.object.errors.fileType',
    });
    expect(await checkObjectionFile(new File([Buffer.from(JPEG.slice(0, 6))], 'halv.jpg'))).toEqual({
      ok: false,
      messageKey: 'debtorActions.object.errors.fileType',
    });
    expect(await checkObjectionFile(new File([new Uint8Array(MAX_OBJECTION_FILE_BYTES + 1)], 'stor.pdf'))).toEqual({
      ok: false,
      messageKey: 'debtorActions.object.errors.fileTooLarge',
    });
  });

  it('disputes the case at once, stores the receipt and gives the creditor a task in Innsikt; the debtor sees the status', async () => {
    const { actor } = await makeCompanyActor(db, 'write');
    const debtCase = await makeCase(db, { companyId: actor.companyId, stage: 'notice' });
    const scope = { companyId: actor.companyId, caseId: debtCase.id };
    const receipt = await checked(await realPdf('Kvittering'), 'kvittering.pdf');
    const now = new Date();
    const filed = await db.transaction((tx) =>
      fileObjection(
        tx,
        scope,
        { caseId: debtCase.id, reason: 'already_paid', body: 'Jeg betalte fakturaen 3. mars, se kvitteringen.' },
        [receipt],
        now,
      ),
    );
    const [state] = await db.select().from(caseCollection).where(eq(caseCollection.caseId, debtCase.id));
    expect(state?.disputedAt?.getTime()).toBe(now.getTime());
    const events = await caseEvents(db, actor.companyId, debtCase.id);
    expect(events.find((e) => e.type === 'case.disputed')?.data).toEqual({
      reason: 'Allerede betalt',
      reasonKey: 'already_paid',
      by: 'debtor',
    });
    expect(events.map((e) => e.type)).toContain('task.created');
    const [task] = await db.select().from(tasks).where(eq(tasks.id, filed.taskId));
    expect(task).toMatchObject({
      companyId: actor.companyId,
      caseId: debtCase.id,
      status: 'open',
      title: 'Innsigelse fra skyldner: Allerede betalt',
    });
    expect(task?.body).toContain('Jeg betalte fakturaen 3. mars');
    expect(task?.body).toContain('kvittering.pdf');
    // Stored as its kind and params, so each reader gets it in their language; the debtor's words stay as written.
    expect(task).toMatchObject({ kind: 'objection', params: { reason: 'already_paid', files: ['kvittering.pdf'] } });
    expect(taskText(task!, 'en')).toEqual({
      title: 'Objection from the debtor: Already paid',
      body: 'Jeg betalte fakturaen 3. mars, se kvitteringen.\n\nAttachments: kvittering.pdf',
    });
    expect(await getCollectionState(actor.companyId, debtCase.id)).toMatchObject({
      disputeReason: 'Allerede betalt',
      disputeReasonKey: 'already_paid',
    });
    const innsikt = await listMyTasks(actor.userId, [actor.companyId], 'open');
    expect(innsikt.map((row) => row.id)).toContain(filed.taskId);
    const files = await db.select().from(objectionFiles).where(eq(objectionFiles.objectionId, filed.objectionId));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ companyId: actor.companyId, contentType: 'application/pdf', byteSize: receipt.bytes.length });
    expect(Buffer.from(files[0]!.content).equals(Buffer.from(receipt.bytes))).toBe(true);
    expect(await db.transaction((tx) => getObjection(tx, scope))).toMatchObject({
      reason: 'already_paid',
      taskStatus: 'open',
      answer: null,
    });
  });

  it('"already paid" without a receipt, a second objection and another company’s case are refused with nothing written', async () => {
    const company = await makeCompany(db);
    const other = await makeCompany(db);
    const debtCase = await makeCase(db, { companyId: company.id });
    const scope = { companyId: company.id, caseId: debtCase.id };
    const input = { caseId: debtCase.id, reason: 'already_paid' as const, body: 'Betalt for lenge siden.' };
    await expect(db.transaction((tx) => fileObjection(tx, scope, input, []))).rejects.toThrow(
      'debtorActions.object.errors.receiptRequired',
    );
    await expect(
      db.transaction((tx) => fileObjection(tx, { companyId: other.id, caseId: debtCase.id }, { ...input, reason: 'other' }, [])),
    ).rejects.toThrow('cases.errors.notFound');
    expect(await db.select().from(objections).where(eq(objections.caseId, debtCase.id))).toHaveLength(0);
    expect(await db.select().from(tasks).where(eq(tasks.caseId, debtCase.id))).toHaveLength(0);
    expect(await db.select().from(caseCollection).where(eq(caseCollection.caseId, debtCase.id))).toHaveLength(0);
    await db.transaction((tx) => fileObjection(tx, scope, { ...input, reason: 'wrong_amount' }, []));
    await expect(db.transaction((tx) => fileObjection(tx, scope, { ...input, reason: 'other' }, []))).rejects.toThrow(
      'debtorActions.object.errors.alreadyDisputed',
    );
    expect(await db.select().from(tasks).where(eq(tasks.caseId, debtCase.id))).toHaveLength(1);
  });

  it('the engine sends no letter on a disputed case', async () => {
    const company = await makeCompany(db);
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2026-03-01' });
    const undisputed = await makeOverdueCase(db, { companyId: company.id, dueOn: '2026-03-01' });
    await db.transaction((tx) =>
      fileObjection(
        tx,
        { companyId: company.id, caseId: debtCase.id },
        { caseId: debtCase.id, reason: 'not_received', body: 'Varen kom aldri fram til meg.' },
        [],
        onDay('2026-03-05'),
      ),
    );
    const run = await runEngine(db, { now: onDay('2026-04-20'), caseIds: [debtCase.id, undisputed.id] });
    expect(run.examined).toBe(2);
    expect(await db.select().from(letters).where(eq(letters.caseId, debtCase.id))).toHaveLength(0);
    expect(await db.select().from(letters).where(eq(letters.caseId, undisputed.id))).toHaveLength(1);
  });
});
