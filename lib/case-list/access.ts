import 'server-only';
import { listMyMemberships, requireRole } from '@/lib/auth/require-role';

export type CaseListScope = {
  /** Every company the user may pick in the company filter. */
  companies: { companyId: string; companyName: string }[];
  /** The companies the list (or export) shows, each passed through requireRole(…, 'read'). */
  companyIds: string[];
};

/**
 * The companies a case list or export covers: the one in the company filter, or all the user's memberships.
 * A company the user does not belong to ends in notFound() inside requireRole, like any other company's object.
 */
export async function resolveCaseListScope(userId: string, companyFilter: string | undefined): Promise<CaseListScope> {
  const memberships = await listMyMemberships(userId);
  const wanted = companyFilter ? [companyFilter] : memberships.map((membership) => membership.companyId);
  const actors = await Promise.all(wanted.map((companyId) => requireRole(companyId, 'read')));
  return {
    companies: memberships.map(({ companyId, companyName }) => ({ companyId, companyName })),
    companyIds: actors.map((actor) => actor.companyId),
  };
}
