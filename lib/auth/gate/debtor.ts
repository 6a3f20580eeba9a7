import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { z } from 'zod';
import { db } from '@/db';
import { debtorSessionCookieName, getLiveDebtorSession } from '@/lib/auth/debtor-session';
import { findDebtorCaseCompany, type DebtorActor, type DebtorCaseActor } from '@/lib/auth/gate/debtor-scope';
import { refuse } from '@/lib/auth/gate/refusal';

export type { DebtorActor, DebtorCaseActor } from '@/lib/auth/gate/debtor-scope';

/**
 * The signed-in debtor (Min side). Reads only Min side's own cookie: a creditor's or the desk's session is no
 * debtor session (→ Min side's sign-in), and no creditor gate reads this cookie.
 */
export const requireDebtor = cache(async (): Promise<DebtorActor> => {
  const token = (await cookies()).get(debtorSessionCookieName())?.value;
  const live = token ? await getLiveDebtorSession(db, token) : null;
  if (!live) return refuse('debtorSignIn');
  if (live.kind === 'letter_code' && live.caseId) return { kind: 'letterCode', sessionId: live.id, caseId: live.caseId };
  if (live.kind === 'bankid' && live.nationalId) {
    return {
      kind: 'person',
      sessionId: live.id,
      nationalId: live.nationalId,
      name: live.name,
      organisationNumbers: live.organisationNumbers,
    };
  }
  return refuse('debtorSignIn');
});

/** One of the debtor's cases; anything else (unknown, malformed, another debtor's) is not found, alike. */
export async function requireDebtorCase(caseId: string): Promise<DebtorCaseActor> {
  const actor = await requireDebtor();
  if (!z.uuid().safeParse(caseId).success) return refuse('notFound');
  const companyId = await findDebtorCaseCompany(db, actor, caseId);
  if (!companyId) return refuse('notFound');
  return { ...actor, caseId, companyId };
}
