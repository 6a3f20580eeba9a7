import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { invoiceDrafts } from '@/db/schema';
import type { Actor } from '@/lib/auth/gate/checks';
import { ABANDONED_DRAFT_AGE_MS, purgeAbandonedDrafts } from '@/lib/invoices/cleanup';
import { saveCustomerStep } from '@/lib/invoices/mutations';
import { makeCompany, makeUser } from '@/tests/helpers/factories';
import { customer, submittedDraft } from '@/tests/helpers/invoice-fixtures';

const DAY = 86_400_000;

describe('abandoned manual invoices', () => {
  it('deletes a draft left at step 1 for 30 days, and keeps a newer one and a submitted one', async () => {
    const company = await makeCompany(db);
    const user = await makeUser(db, { memberships: [{ companyId: company.id, role: 'write' }] });
    const actor: Actor = { userId: user.id, companyId: company.id, role: 'write' };
    const save = () => db.transaction((tx) => saveCustomerStep(tx, actor, { companyId: company.id, draftId: null, customer: customer() }));
    const old = await save();
    const recent = await save();
    const { draftId: submitted } = await submittedDraft(db, actor);
    const now = new Date();
    // Moved clock: the old draft and the submitted one were last touched 31 days ago, the recent one 29.
    for (const [id, age] of [
      [old, 31],
      [submitted, 31],
      [recent, 29],
    ] as const) {
      await db
        .update(invoiceDrafts)
        .set({ updatedAt: new Date(now.getTime() - age * DAY) })
        .where(eq(invoiceDrafts.id, id));
    }
    expect(ABANDONED_DRAFT_AGE_MS).toBe(30 * DAY);
    await purgeAbandonedDrafts(db, now);
    const left = await db.select({ id: invoiceDrafts.id }).from(invoiceDrafts).where(eq(invoiceDrafts.companyId, company.id));
    expect(left.map((row) => row.id).sort()).toEqual([recent, submitted].sort());
  });
});
