import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { objectionFiles, objections } from '@/db/schema';
import { MAX_OBJECTION_FILE_BYTES } from '@/lib/objections/files';
import { submitObjection } from '@/lib/objections/submit';
import { OBJECTION_BODY_LIMIT } from '@/lib/objections/upload';
import { makeCase } from '@/tests/helpers/case-factories';
import { makeCompany } from '@/tests/helpers/factories';
import { objectionForm, objectionTrace, receiptPdfOfSize, TEXT_AS_PNG } from '@/tests/helpers/objection-fixtures';

// The objection route's work behind the debtor gate (lib/objections/submit.ts), given the request as the route
// gets it. Who may call the route at all (a creditor, another debtor, nobody signed in) is proven over HTTP against
// the built portal: tests/e2e/min-side-objection.test.ts.

const post = (body: FormData | Uint8Array, headers: Record<string, string> = {}) =>
  new Request('http://portal.test/api/min-side/cases/x/objection?locale=nb', {
    method: 'POST',
    headers,
    body: body instanceof FormData ? body : Buffer.from(body),
  });

async function debtorCase() {
  const company = await makeCompany(db);
  const debtCase = await makeCase(db, { companyId: company.id, stage: 'notice' });
  return { scope: { companyId: company.id, caseId: debtCase.id }, caseId: debtCase.id };
}

const NOTHING = { objections: 0, files: 0, tasks: 0, disputed: false };
const paid = (buffer: Buffer, name = 'kvittering.pdf', mimeType = 'application/pdf') =>
  objectionForm({ reason: 'already_paid', body: 'Jeg betalte 3. mars, se kvitteringen.', files: [{ name, mimeType, buffer }] });

describe('the objection route’s body (behind the debtor gate)', () => {
  it('takes a receipt PDF of just under 10 MB: stored whole, the case disputed, the creditor’s task open', async () => {
    const { scope, caseId } = await debtorCase();
    const receipt = await receiptPdfOfSize(MAX_OBJECTION_FILE_BYTES - 1);
    const submitted = await submitObjection(post(paid(receipt)), scope);
    expect(submitted.ok).toBe(true);
    expect(await objectionTrace(db, caseId)).toEqual({ objections: 1, files: 1, tasks: 1, disputed: true });
    const [stored] = await db
      .select({ byteSize: objectionFiles.byteSize, content: objectionFiles.content, contentType: objectionFiles.contentType })
      .from(objectionFiles)
      .innerJoin(objections, eq(objections.id, objectionFiles.objectionId))
      .where(eq(objections.caseId, caseId));
    expect(stored?.byteSize).toBe(MAX_OBJECTION_FILE_BYTES - 1);
    expect(stored?.contentType).toBe('application/pdf');
    expect(Buffer.from(stored?.content ?? []).equals(receipt)).toBe(true);
  });

  it('refuses a receipt of 10 MB + 1 byte with 413 "larger than 10 MB", nothing booked', async () => {
    const { scope, caseId } = await debtorCase();
    const submitted = await submitObjection(post(paid(await receiptPdfOfSize(MAX_OBJECTION_FILE_BYTES + 1))), scope);
    expect(submitted).toEqual({ ok: false, errors: ['fileTooLarge'], status: 413, reason: 'already_paid' });
    expect(await objectionTrace(db, caseId)).toEqual(NOTHING);
  });

  it('refuses a "PNG" that is really text with 415, and a body past the route’s limit with 413 before parsing; nothing booked', async () => {
    const { scope, caseId } = await debtorCase();
    const fake = await submitObjection(post(paid(TEXT_AS_PNG.buffer, TEXT_AS_PNG.name, TEXT_AS_PNG.mimeType)), scope);
    expect(fake).toEqual({ ok: false, errors: ['fileType'], status: 415, reason: 'already_paid' });
    // A receipt beside the fake one changes nothing: the whole objection is refused.
    const receipt = await receiptPdfOfSize(20_000);
    const mixed = objectionForm({
      reason: 'wrong_amount',
      body: 'Beløpet er feil, se vedleggene.',
      files: [{ name: 'kvittering.pdf', mimeType: 'application/pdf', buffer: receipt }, TEXT_AS_PNG],
    });
    expect(await submitObjection(post(mixed), scope)).toMatchObject({ ok: false, errors: ['fileType'] });
    const oversize = new Uint8Array(OBJECTION_BODY_LIMIT + 1);
    const huge = await submitObjection(post(oversize, { 'content-type': 'multipart/form-data; boundary=x' }), scope);
    expect(huge).toMatchObject({ ok: false, errors: ['tooLarge'], status: 413 });
    expect(await objectionTrace(db, caseId)).toEqual(NOTHING);
  });

  it('refuses four files, a missing reason and text, "already paid" without a receipt and a body that is no form; nothing booked', async () => {
    const { scope, caseId } = await debtorCase();
    const small = { name: 'a.pdf', mimeType: 'application/pdf', buffer: await receiptPdfOfSize(5_000) };
    const four = objectionForm({ reason: 'other', body: 'Fire vedlegg er for mange.', files: [small, small, small, small] });
    expect(await submitObjection(post(four), scope)).toMatchObject({ ok: false, errors: ['tooManyFiles'], status: 400 });
    expect(await submitObjection(post(objectionForm({ body: 'kort' })), scope)).toMatchObject({
      ok: false,
      errors: ['reasonRequired', 'bodyShort'],
      status: 400,
    });
    const unpaid = objectionForm({ reason: 'already_paid', body: 'Jeg har betalt, men har ingen kvittering.' });
    expect(await submitObjection(post(unpaid), scope)).toMatchObject({ ok: false, errors: ['receiptRequired'], reason: 'already_paid' });
    const json = await submitObjection(post(new TextEncoder().encode('{}'), { 'content-type': 'application/json' }), scope);
    expect(json).toMatchObject({ ok: false, errors: ['reloadForm'] });
    expect(await objectionTrace(db, caseId)).toEqual(NOTHING);
  });

  it('a second objection on a disputed case is refused with 409', async () => {
    const { scope, caseId } = await debtorCase();
    const form = () => objectionForm({ reason: 'not_received', body: 'Varen kom aldri fram til meg.' });
    expect((await submitObjection(post(form()), scope)).ok).toBe(true);
    expect(await submitObjection(post(form()), scope)).toMatchObject({ ok: false, errors: ['alreadyDisputed'], status: 409 });
    expect(await objectionTrace(db, caseId)).toEqual({ objections: 1, files: 0, tasks: 1, disputed: true });
  });
});
