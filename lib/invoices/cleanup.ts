import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { invoiceAttachments, invoiceDrafts } from '@/db/schema';

/** A draft left at step 1 (the customer) this long is taken as abandoned; its customer data is personal data. */
export const ABANDONED_DRAFT_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Deletes drafts that never got past step 1 and were not touched for 30 days, with any file uploaded to them.
 * Submitted, registered and failed drafts stay: the job, the case or the user's fix still needs them.
 */
export async function purgeAbandonedDrafts(db: Executor, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - ABANDONED_DRAFT_AGE_MS);
  const abandoned = db
    .select({ id: invoiceDrafts.id })
    .from(invoiceDrafts)
    .where(and(eq(invoiceDrafts.status, 'customer'), lt(invoiceDrafts.updatedAt, cutoff)));
  await db.delete(invoiceAttachments).where(and(inArray(invoiceAttachments.draftId, abandoned), isNull(invoiceAttachments.invoiceId)));
  const deleted = await db
    .delete(invoiceDrafts)
    .where(and(eq(invoiceDrafts.status, 'customer'), lt(invoiceDrafts.updatedAt, cutoff)))
    .returning({ id: invoiceDrafts.id });
  return deleted.length;
}
