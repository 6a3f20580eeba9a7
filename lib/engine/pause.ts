import { sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { caseCollection } from '@/db/schema';

/**
 * A pause moves the collection path's next deadline by its length: the day it starts is kept, and on resuming
 * its days are added to the shift the engine applies until its next letter. The caller holds the case's lock.
 */
export async function recordPause(tx: Tx, companyId: string, caseId: string, action: 'pause' | 'resume', today: string) {
  if (action === 'pause') {
    await tx
      .insert(caseCollection)
      .values({ caseId, companyId, pausedOn: today })
      .onConflictDoUpdate({ target: caseCollection.caseId, set: { pausedOn: today, updatedAt: new Date() } });
    return;
  }
  await tx
    .update(caseCollection)
    .set({
      pausedDays: sql`${caseCollection.pausedDays} + greatest(0, ${today}::date - ${caseCollection.pausedOn})`,
      pausedOn: null,
      updatedAt: new Date(),
    })
    .where(sql`${caseCollection.caseId} = ${caseId} and ${caseCollection.pausedOn} is not null`);
}
