import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { invoiceAttachments, invoiceDrafts } from '@/db/schema';
import type { Actor } from '@/lib/auth/gate/checks';
import { DomainError, NotAllowedError } from '@/lib/errors';
import { attachInvoicePdf, saveCustomerStep, submitInvoiceStep } from '@/lib/invoices/mutations';
import { registerInvoiceDraft } from '@/lib/invoices/registration';
import { makeCompany, makeUser } from '@/tests/helpers/factories';
import { customer, invoice, submittedDraft } from '@/tests/helpers/invoice-fixtures';

async function actorIn(companyId: string, role: Actor['role'] = 'write'): Promise<Actor> {
  const user = await makeUser(db, { memberships: [{ companyId, role }] });
  return { userId: user.id, companyId, role };
}

async function drafts(companyId: string) {
  return db.select().from(invoiceDrafts).where(eq(invoiceDrafts.companyId, companyId));
}

describe('the wizard steps', () => {
  it('refuses a Lese actor and an AutoCollect company, storing nothing', async () => {
    const company = await makeCompany(db);
    const reader = await actorIn(company.id, 'read');
    await expect(
      db.transaction((tx) => saveCustomerStep(tx, reader, { companyId: company.id, draftId: null, customer: customer() })),
    ).rejects.toBeInstanceOf(NotAllowedError);
    const auto = await makeCompany(db, { autocollectEnabled: true });
    const writer = await actorIn(auto.id);
    await expect(
      db.transaction((tx) => saveCustomerStep(tx, writer, { companyId: auto.id, draftId: null, customer: customer() })),
    ).rejects.toMatchObject({ messageKey: 'invoices.errors.autocollect' });
    expect(await drafts(company.id)).toEqual([]);
    expect(await drafts(auto.id)).toEqual([]);
  });

  it("refuses another user's draft in both steps, even in the same company", async () => {
    const company = await makeCompany(db);
    const owner = await actorIn(company.id);
    const other = await actorIn(company.id, 'admin');
    const draftId = await db.transaction((tx) =>
      saveCustomerStep(tx, owner, { companyId: company.id, draftId: null, customer: customer({ name: 'Eier' }) }),
    );
    await expect(
      db.transaction((tx) => saveCustomerStep(tx, other, { companyId: company.id, draftId, customer: customer({ name: 'Kapret' }) })),
    ).rejects.toMatchObject({ messageKey: 'invoices.errors.draftNotFound' });
    await expect(db.transaction((tx) => submitInvoiceStep(tx, other, { draftId, invoice: invoice() }))).rejects.toMatchObject({
      messageKey: 'invoices.errors.draftNotFound',
    });
    await expect(
      db.transaction((tx) => attachInvoicePdf(tx, other, draftId, { bytes: new Uint8Array([1]), fileName: 'x.pdf' })),
    ).rejects.toMatchObject({ messageKey: 'invoices.errors.draftNotFound' });
    const [row] = await drafts(company.id);
    expect(row).toMatchObject({ status: 'customer', invoice: null });
    expect(row?.customer.name).toBe('Eier');
    expect(await db.select().from(invoiceAttachments).where(eq(invoiceAttachments.draftId, draftId))).toEqual([]);
  });

  it('refuses an invoice number already registered (naming the case) or already on its way', async () => {
    const company = await makeCompany(db);
    const actor = await actorIn(company.id);
    const first = await submittedDraft(db, actor);
    const duplicate = () => submittedDraft(db, actor, { invoice: { invoiceNumber: first.invoice.invoiceNumber } });
    await expect(duplicate()).rejects.toMatchObject({ messageKey: 'invoices.errors.duplicatePending' });
    const registered = await registerInvoiceDraft(db, first.draftId);
    expect(registered.outcome).toBe('registered');
    const error = await duplicate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ messageKey: 'invoices.errors.duplicateNumber', field: 'invoiceNumber' });
    expect((error as { values: Record<string, string> }).values.caseNumber).toMatch(/^\d+$/);
  });

  it('a submitted draft cannot be changed or submitted twice', async () => {
    const company = await makeCompany(db);
    const actor = await actorIn(company.id);
    const { draftId } = await submittedDraft(db, actor);
    await expect(db.transaction((tx) => submitInvoiceStep(tx, actor, { draftId, invoice: invoice() }))).rejects.toMatchObject({
      messageKey: 'invoices.errors.alreadySubmitted',
    });
    await expect(
      db.transaction((tx) => attachInvoicePdf(tx, actor, draftId, { bytes: new Uint8Array([1]), fileName: 'x.pdf' })),
    ).rejects.toMatchObject({ messageKey: 'invoices.errors.alreadySubmitted' });
    await expect(
      db.transaction((tx) => saveCustomerStep(tx, actor, { companyId: company.id, draftId, customer: customer() })),
    ).rejects.toMatchObject({ messageKey: 'invoices.errors.draftNotFound' });
  });
});
