import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db';
import { invoiceAttachments, invoiceDrafts, users } from '@/db/schema';
import { assertActorRole, type Actor } from '@/lib/auth/gate/checks';
import { assertInvoiceNumberFree, assertManualInvoicesAllowed, InvoiceRefusal } from './conflicts';
import { recordEvent } from '@/lib/events/record';
import type { CustomerFormInput, InvoiceFormInput } from './schemas';

const EDITABLE = ['customer', 'failed'] as const;

/** Neste: keeps step 1 in the user's draft (a new one, or the one being edited); returns its id. */
export async function saveCustomerStep(tx: Tx, actor: Actor, input: CustomerFormInput): Promise<string> {
  assertActorRole(actor, 'write');
  await assertManualInvoicesAllowed(tx, actor.companyId);
  if (input.draftId) {
    const [row] = await tx
      .update(invoiceDrafts)
      .set({
        companyId: actor.companyId,
        customer: input.customer,
        status: 'customer',
        failureKey: null,
        failureData: null,
        updatedAt: new Date(),
      })
      .where(and(eq(invoiceDrafts.id, input.draftId), eq(invoiceDrafts.userId, actor.userId), inArray(invoiceDrafts.status, [...EDITABLE])))
      .returning({ id: invoiceDrafts.id });
    if (!row) throw new InvoiceRefusal('invoices.errors.draftNotFound');
    return row.id;
  }
  const [row] = await tx
    .insert(invoiceDrafts)
    .values({ companyId: actor.companyId, userId: actor.userId, customer: input.customer })
    .returning({ id: invoiceDrafts.id });
  if (!row) throw new Error('draft insert returned nothing');
  return row.id;
}

/** The user's own draft of the actor's company, locked, while it may still change; else a refusal. */
async function lockEditableDraft(tx: Tx, actor: Actor, draftId: string) {
  const [draft] = await tx
    .select({ id: invoiceDrafts.id, status: invoiceDrafts.status })
    .from(invoiceDrafts)
    .where(and(eq(invoiceDrafts.id, draftId), eq(invoiceDrafts.userId, actor.userId), eq(invoiceDrafts.companyId, actor.companyId)))
    .for('update');
  if (!draft) throw new InvoiceRefusal('invoices.errors.draftNotFound');
  if (!(EDITABLE as readonly string[]).includes(draft.status)) throw new InvoiceRefusal('invoices.errors.alreadySubmitted');
  return draft;
}

/** Last opp PDF (the upload route): the checked PDF joins the draft, replacing one uploaded before. */
export async function attachInvoicePdf(tx: Tx, actor: Actor, draftId: string, attachment: { bytes: Uint8Array; fileName: string }) {
  assertActorRole(actor, 'write');
  const draft = await lockEditableDraft(tx, actor, draftId);
  await tx
    .delete(invoiceAttachments)
    .where(and(eq(invoiceAttachments.companyId, actor.companyId), eq(invoiceAttachments.draftId, draft.id)));
  await tx.insert(invoiceAttachments).values({
    companyId: actor.companyId,
    draftId: draft.id,
    fileName: attachment.fileName,
    byteSize: attachment.bytes.length,
    content: attachment.bytes,
  });
}

/**
 * Registrer: the invoice joins the draft (with the PDF uploaded to it before, if any), which is then handed to the
 * registration job. Only the user's own draft of the actor's company, not already on its way.
 */
export async function submitInvoiceStep(tx: Tx, actor: Actor, input: InvoiceFormInput) {
  assertActorRole(actor, 'write');
  const draft = await lockEditableDraft(tx, actor, input.draftId);
  await assertManualInvoicesAllowed(tx, actor.companyId);
  await assertInvoiceNumberFree(tx, actor.companyId, input.invoice.invoiceNumber, draft.id);
  const now = new Date();
  await tx
    .update(invoiceDrafts)
    .set({ invoice: input.invoice, status: 'submitted', submittedAt: now, updatedAt: now, failureKey: null, failureData: null })
    .where(eq(invoiceDrafts.id, draft.id));
}

/** Betaprogram: the user's own switch. */
export async function setBetaEnabled(tx: Tx, userId: string, betaEnabled: boolean) {
  await tx.update(users).set({ betaEnabled }).where(eq(users.id, userId));
  await recordEvent(tx, { userId, companyId: null }, { type: 'user.beta_changed', userId, data: { betaEnabled } });
}
