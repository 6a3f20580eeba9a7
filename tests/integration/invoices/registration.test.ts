import { and, count, eq } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseHandle, db } from '@/db';
import { cases, debtors, events, invoiceAttachments, invoiceDrafts, invoices, ledgerEntries, memberships, outbox } from '@/db/schema';
import type { Actor } from '@/lib/auth/gate/checks';
import { isValidKid } from '@/lib/norwegian-ids';
import { registerInvoiceDraft } from '@/lib/invoices/registration';
import { INVOICE_REGISTRATION_JOB, sendInvoiceRegistration } from '@/lib/queue/kicks';
import { startWorker } from '@/lib/jobs/worker';
import { makeCompany, makeUser } from '@/tests/helpers/factories';
import { badNationalId, realPdf, submittedDraft } from '@/tests/helpers/invoice-fixtures';
import { waitFor, waitForJob } from '@/tests/helpers/wait';

async function writer(role: 'write' | 'admin' = 'write', companyOverrides = {}) {
  const company = await makeCompany(db, companyOverrides);
  const user = await makeUser(db, { memberships: [{ companyId: company.id, role }] });
  const actor: Actor = { userId: user.id, companyId: company.id, role };
  return { company, user, actor };
}

async function countsFor(companyId: string) {
  const n = async (table: typeof cases | typeof invoices | typeof debtors | typeof ledgerEntries) =>
    (await db.select({ n: count() }).from(table).where(eq(table.companyId, companyId)))[0]?.n ?? 0;
  const caseEvents =
    (
      await db
        .select({ n: count() })
        .from(events)
        .where(and(eq(events.companyId, companyId), eq(events.type, 'case.registered')))
    )[0]?.n ?? 0;
  return { cases: await n(cases), invoices: await n(invoices), debtors: await n(debtors), ledger: await n(ledgerEntries), caseEvents };
}

async function draftRow(draftId: string) {
  const [row] = await db.select().from(invoiceDrafts).where(eq(invoiceDrafts.id, draftId));
  if (!row) throw new Error('no draft');
  return row;
}

let boss: PgBoss | undefined;
afterEach(async () => {
  await boss?.stop({ graceful: false, wait: true });
  boss = undefined;
});

describe('the registration job', () => {
  it('creates exactly one case when run twice for the same draft, with debtor, invoice, ledger, KID and event', async () => {
    const { company, actor } = await writer();
    const { draftId, invoice } = await submittedDraft(db, actor);

    const first = await registerInvoiceDraft(db, draftId);
    const second = await registerInvoiceDraft(db, draftId);
    expect(first.outcome).toBe('registered');
    expect(second.outcome).toBe('skipped');
    expect(await countsFor(company.id)).toEqual({ cases: 1, invoices: 1, debtors: 1, ledger: 1, caseEvents: 1 });

    const [created] = await db.select().from(cases).where(eq(cases.companyId, company.id));
    expect(created).toMatchObject({
      source: 'manual',
      currency: 'NOK',
      originalAmountOre: 123_450,
      balanceOre: 123_450,
      dueOn: invoice.dueOn,
      status: 'active',
    });
    expect(isValidKid(created?.kid ?? '')).toBe(true);
    const [ledger] = await db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.caseId, created?.id ?? ''));
    expect(ledger).toMatchObject({ kind: 'principal', amountOre: 123_450, bookedOn: invoice.issuedOn });
    expect(await draftRow(draftId)).toMatchObject({ status: 'registered', caseId: created?.id });
  });

  it('creates exactly one case when three runs race for the same draft', async () => {
    const { company, actor } = await writer();
    const { draftId } = await submittedDraft(db, actor);
    const outcomes = await Promise.all([1, 2, 3].map(() => registerInvoiceDraft(db, draftId)));
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['registered', 'skipped', 'skipped']);
    expect((await countsFor(company.id)).cases).toBe(1);
  });

  it('creates nothing when validation fails again in the job, marks the draft failed and emails the reason', async () => {
    const { company, user, actor } = await writer();
    const { draftId, invoice } = await submittedDraft(db, actor);
    // The stored customer no longer passes (as if edited or the rules tightened): the job checks again.
    const row = await draftRow(draftId);
    await db
      .update(invoiceDrafts)
      .set({ customer: { ...row.customer, nationalId: badNationalId() } })
      .where(eq(invoiceDrafts.id, draftId));

    const result = await registerInvoiceDraft(db, draftId);
    expect(result).toMatchObject({ outcome: 'failed', messageKey: 'invoices.errors.jobInvalid' });
    expect(await countsFor(company.id)).toEqual({ cases: 0, invoices: 0, debtors: 0, ledger: 0, caseEvents: 0 });
    expect(await draftRow(draftId)).toMatchObject({ status: 'failed', failureKey: 'invoices.errors.jobInvalid', caseId: null });
    const [mail] = await db.select().from(outbox).where(eq(outbox.recipient, user.email));
    expect(mail?.subject).toBe(`Faktura ${invoice.invoiceNumber} ble ikke registrert`);
    expect(mail?.bodyText).toContain('Opplysningene om fakturaen er ikke gyldige.');
    expect(mail?.bodyText).toContain(`/nb/cases/new?draft=${draftId}`);
  });

  it('refuses in the job when the number was taken meanwhile, naming the case, or the user lost the role', async () => {
    const { company, actor } = await writer();
    const taken = await submittedDraft(db, actor);
    const twin = await submittedDraft(db, actor);
    // Same number forced onto the second draft after both passed the form's check.
    const twinRow = await draftRow(twin.draftId);
    await db
      .update(invoiceDrafts)
      .set({ invoice: { ...twinRow.invoice!, invoiceNumber: taken.invoice.invoiceNumber } })
      .where(eq(invoiceDrafts.id, twin.draftId));
    expect((await registerInvoiceDraft(db, taken.draftId)).outcome).toBe('registered');
    const [first] = await db.select().from(cases).where(eq(cases.companyId, company.id));
    expect(await registerInvoiceDraft(db, twin.draftId)).toMatchObject({
      outcome: 'failed',
      messageKey: 'invoices.errors.duplicateNumber',
    });
    expect((await draftRow(twin.draftId)).failureData).toEqual({
      caseNumber: String(first?.caseNumber),
      invoiceNumber: taken.invoice.invoiceNumber,
    });

    const third = await submittedDraft(db, actor);
    await db.update(memberships).set({ role: 'read' }).where(eq(memberships.userId, actor.userId));
    expect(await registerInvoiceDraft(db, third.draftId)).toMatchObject({ outcome: 'failed', messageKey: 'invoices.errors.jobNotAllowed' });
    expect((await countsFor(company.id)).cases).toBe(1);
  });

  it('keeps one debtor per customer number and company: a second invoice updates it, another company gets its own', async () => {
    const a = await writer();
    const b = await writer();
    const first = await submittedDraft(db, a.actor, { customer: { customerNumber: 'K-1001' } });
    const again = await submittedDraft(db, a.actor, { customer: { customerNumber: 'K-1001', city: 'Bergen', postcode: '5003' } });
    const other = await submittedDraft(db, b.actor, { customer: { customerNumber: 'K-1001' } });
    for (const draft of [first, again, other]) expect((await registerInvoiceDraft(db, draft.draftId)).outcome).toBe('registered');
    const aDebtors = await db.select().from(debtors).where(eq(debtors.companyId, a.company.id));
    expect(aDebtors.map((d) => [d.customerNumber, d.city])).toEqual([['K-1001', 'Bergen']]);
    expect((await countsFor(a.company.id)).cases).toBe(2);
    expect((await countsFor(b.company.id)).debtors).toBe(1);
  });

  it('links the uploaded PDF to the registered invoice', async () => {
    const { actor } = await writer();
    const bytes = await realPdf();
    const { draftId } = await submittedDraft(db, actor, { attachment: { bytes, fileName: 'faktura.pdf' } });
    await registerInvoiceDraft(db, draftId);
    const [attachment] = await db.select().from(invoiceAttachments).where(eq(invoiceAttachments.draftId, draftId));
    expect(attachment?.invoiceId).toBe((await draftRow(draftId)).invoiceId);
    expect(Buffer.from(attachment?.content ?? []).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('the registration job on the real queue', () => {
  it('retries a job that crashed before commit and creates the case exactly once, also when sent twice', async () => {
    const { company, actor } = await writer();
    let crashes = 0;
    boss = await startWorker(databaseHandle(), {
      emailSender: null,
      invoiceRegistration: {
        retryDelaySeconds: 1,
        retryLimit: 3,
        beforeCommit: () => {
          if (crashes++ === 0) throw new Error('simulated crash mid-job');
        },
      },
    });
    const { draftId } = await submittedDraft(db, actor);
    const jobId = await sendInvoiceRegistration(boss, draftId);
    await waitFor(async () => (await draftRow(draftId)).status === 'registered');
    expect(await waitForJob(boss, INVOICE_REGISTRATION_JOB, jobId ?? null)).toBe('completed');
    const late = await boss.send(INVOICE_REGISTRATION_JOB, { draftId });
    expect(await waitForJob(boss, INVOICE_REGISTRATION_JOB, late)).toBe('completed');
    expect(crashes).toBe(2);
    expect(await countsFor(company.id)).toEqual({ cases: 1, invoices: 1, debtors: 1, ledger: 1, caseEvents: 1 });
  });

  it('the sweep registers a submitted draft whose job was never queued', async () => {
    const { company, actor } = await writer();
    boss = await startWorker(databaseHandle(), { emailSender: null, invoiceRegistration: { sweepAfterMs: 60_000 } });
    const { draftId } = await submittedDraft(db, actor);
    await db
      .update(invoiceDrafts)
      .set({ submittedAt: new Date(Date.now() - 5 * 60_000) })
      .where(eq(invoiceDrafts.id, draftId));
    await boss.send('invoice-registration-sweep', {});
    await waitFor(async () => (await draftRow(draftId)).status === 'registered');
    expect((await countsFor(company.id)).cases).toBe(1);
  });
});
