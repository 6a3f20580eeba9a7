import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { cases, companies, debtors, letterConsents } from '@/db/schema';

export type CaseConsent = {
  caseId: string;
  caseNumber: number;
  creditor: string;
  consentId: string;
  channel: 'email' | 'sms';
  address: string;
  locale: string;
};

/**
 * The consent to electronic contact in force for each case's debtor: by the identity number or organisation number
 * on the case, or a letter-code consent for that very case; the newest wins. A case without one is absent.
 */
export async function consentsInForce(executor: Executor, caseIds: string[]): Promise<Map<string, CaseConsent>> {
  const found = new Map<string, CaseConsent>();
  if (caseIds.length === 0) return found;
  const rows = await executor
    .select({
      caseId: cases.id,
      caseNumber: cases.caseNumber,
      creditor: companies.name,
      consentId: letterConsents.id,
      channel: letterConsents.channel,
      address: letterConsents.address,
      locale: letterConsents.locale,
    })
    .from(cases)
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .innerJoin(companies, eq(companies.id, cases.companyId))
    .innerJoin(
      letterConsents,
      and(
        isNull(letterConsents.withdrawnAt),
        or(
          eq(letterConsents.subject, debtors.nationalId),
          eq(letterConsents.subject, debtors.organisationNumber),
          eq(letterConsents.subject, sql`'case:' || ${cases.id}::text`),
        ),
      ),
    )
    .where(inArray(cases.id, caseIds))
    .orderBy(sql`${letterConsents.grantedAt} desc`);
  for (const row of rows) if (!found.has(row.caseId)) found.set(row.caseId, row);
  return found;
}
