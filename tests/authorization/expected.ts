import { roleAtLeast } from '@/lib/auth/roles';
import type { Needs, Outcome, Principal } from './types';

export const PRINCIPALS: Principal[] = ['anonymous', 'pendingSecondFactor', 'read', 'write', 'admin', 'otherCompanyAdmin', 'staff'];

/** What each principal must meet for a row's `needs`: the rules of STYLE.md §6 as one table. */
export function expectedOutcome(needs: Needs, principal: Principal): Outcome {
  if (needs === 'public') return 'allowed';
  if (principal === 'anonymous' || principal === 'pendingSecondFactor') return 'signIn';
  if (needs === 'signedIn') return 'allowed';
  if (needs === 'staff') return principal === 'staff' ? 'allowed' : 'notFound';
  // A company's object: outsiders (another company's admin, the agency's staff) do not learn that it exists.
  if (principal === 'otherCompanyAdmin' || principal === 'staff') return 'notFound';
  return roleAtLeast(principal, needs) ? 'allowed' : 'refused';
}
