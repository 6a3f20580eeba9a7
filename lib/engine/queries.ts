import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { caseCollection, companies } from '@/db/schema';
import { agreementFrom } from './rules/agreement';

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

/** The company's agreement in force (defaults where it says nothing) and its VAT registration. */
export async function getCompanyAgreement(companyId: string) {
  const [row] = await db
    .select({ agreement: companies.collectionAgreement, vatRegistered: companies.vatRegistered })
    .from(companies)
    .where(eq(companies.id, companyId));
  return { agreement: agreementFrom(row?.agreement), vatRegistered: row?.vatRegistered ?? true };
}
