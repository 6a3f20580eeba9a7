import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { cases } from '@/db/schema';
import { DomainError } from '@/lib/errors';

export type CaseRef = { id: string; companyId: string; caseNumber: number };

/**
 * A case by id for the agency (any company), or within one company for a creditor; locked for the transaction
 * so a task or message and its event land on a case that still exists as read.
 */
export async function lockCaseRef(tx: Executor, caseId: string, companyId?: string): Promise<CaseRef> {
  const [row] = await tx
    .select({ id: cases.id, companyId: cases.companyId, caseNumber: cases.caseNumber })
    .from(cases)
    .where(companyId ? and(eq(cases.id, caseId), eq(cases.companyId, companyId)) : eq(cases.id, caseId))
    .for('share');
  if (!row) throw new DomainError('cases.errors.notFound');
  return row;
}
