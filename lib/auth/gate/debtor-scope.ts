import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db';
import { cases, debtors } from '@/db/schema';

/**
 * Who a Min side session is. `person`: signed in with BankID (national id or D-number), possibly a signatory for
 * the organisation numbers the identity provider named. `letterCode`: a case number and a letter's code, one case.
 */
export type DebtorActor =
  | { kind: 'person'; sessionId: string; nationalId: string; name: string | null; organisationNumbers: string[] }
  | { kind: 'letterCode'; sessionId: string; caseId: string };

export type DebtorCaseActor = DebtorActor & { caseId: string; companyId: string };

/**
 * The cases a debtor may see, as a condition on `cases` joined with `debtors`: the one place that decides it (the
 * gate and Min side's case list both use it). A person: cases where they are the debtor by national id, and the
 * cases of companies they may act for. A letter-code session: its one case.
 */
export function debtorCasesCondition(actor: DebtorActor): SQL {
  if (actor.kind === 'letterCode') return eq(cases.id, actor.caseId);
  const own = and(eq(debtors.kind, 'person'), eq(debtors.nationalId, actor.nationalId));
  if (actor.organisationNumbers.length === 0) return own ?? sql`false`;
  return or(own, and(eq(debtors.kind, 'company'), inArray(debtors.organisationNumber, actor.organisationNumbers))) ?? sql`false`;
}

/** The company of `caseId` when the debtor may see it, else null (unknown and foreign look the same). */
export async function findDebtorCaseCompany(executor: Executor, actor: DebtorActor, caseId: string): Promise<string | null> {
  const [row] = await executor
    .select({ companyId: cases.companyId })
    .from(cases)
    .innerJoin(debtors, and(eq(debtors.id, cases.debtorId), eq(debtors.companyId, cases.companyId)))
    .where(and(eq(cases.id, caseId), debtorCasesCondition(actor)));
  return row?.companyId ?? null;
}
