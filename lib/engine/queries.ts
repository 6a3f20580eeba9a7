import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { caseCollection, companies, objections } from '@/db/schema';
import { agreementFrom } from './rules/agreement';

/** The engine's state of a case (dispute, legal confirmation, last error), or null before the engine touched it. */
export async function getCollectionState(companyId: string, caseId: string) {
  const [row] = await db
    .select({
      disputedAt: caseCollection.disputedAt,
      disputeReason: caseCollection.disputeReason,
      // A debtor's objection filed with this dispute: its reason key, so the note reads in the reader's language.
      disputeReasonKey: sql<
        string | null
      >`(select ${objections.reason}::text from ${objections} where ${objections.caseId} = ${caseCollection.caseId} and ${objections.createdAt} >= ${caseCollection.disputedAt} order by ${objections.createdAt} desc limit 1)`,
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
