import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { caseCollection } from '@/db/schema';

/** The engine's state of a case (dispute, legal confirmation, last error), or null before the engine touched it. */
export async function getCollectionState(companyId: string, caseId: string) {
  const [row] = await db
    .select({
      disputedAt: caseCollection.disputedAt,
      disputeReason: caseCollection.disputeReason,
      legalConfirmedAt: caseCollection.legalConfirmedAt,
      errorCode: caseCollection.errorCode,
      errorOn: caseCollection.errorOn,
    })
    .from(caseCollection)
    .where(and(eq(caseCollection.companyId, companyId), eq(caseCollection.caseId, caseId)));
  return row ?? null;
}
