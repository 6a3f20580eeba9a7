import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { caseCollection, objectionFiles, objections, tasks } from '@/db/schema';
import { realPdf } from '@/tests/helpers/invoice-fixtures';

/** A real one-page PDF grown to exactly `size` bytes by a comment after its end (offsets and pages stay valid). */
export async function receiptPdfOfSize(size: number): Promise<Buffer> {
  const pdf = Buffer.from(await realPdf('Kvittering'));
  const closing = Buffer.from('\n%%EOF\n');
  const padding = size - pdf.length - closing.length - 2;
  if (padding < 0) throw new Error(`a receipt cannot be as small as ${size} bytes`);
  return Buffer.concat([pdf, Buffer.from('\n%'), Buffer.alloc(padding, 0x78), closing]);
}

/** A "PNG" that is really text: the name and type say image, the bytes do not. */
export const TEXT_AS_PNG = { name: 'kvittering.png', mimeType: 'image/png', buffer: Buffer.from('Dette er ikke et bilde, bare tekst.\n') };

/** What the objection form posts: reason, text and files, as a browser's multipart body. */
export function objectionForm(fields: { reason?: string; body?: string; files?: { name: string; mimeType: string; buffer: Buffer }[] }) {
  const form = new FormData();
  if (fields.reason) form.append('reason', fields.reason);
  if (fields.body !== undefined) form.append('body', fields.body);
  for (const file of fields.files ?? []) form.append('files', new File([new Uint8Array(file.buffer)], file.name, { type: file.mimeType }));
  return form;
}

/** What an objection writes on a case: the objection and its files, the creditor's task, the dispute. All 0 when refused. */
export async function objectionTrace(db: Executor, caseId: string) {
  const filed = await db.select({ id: objections.id }).from(objections).where(eq(objections.caseId, caseId));
  const files = await db
    .select({ id: objectionFiles.id })
    .from(objectionFiles)
    .innerJoin(objections, eq(objections.id, objectionFiles.objectionId))
    .where(eq(objections.caseId, caseId));
  const opened = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.caseId, caseId));
  const [state] = await db.select({ disputedAt: caseCollection.disputedAt }).from(caseCollection).where(eq(caseCollection.caseId, caseId));
  return { objections: filed.length, files: files.length, tasks: opened.length, disputed: Boolean(state?.disputedAt) };
}
