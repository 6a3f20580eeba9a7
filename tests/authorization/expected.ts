import { roleAtLeast } from '@/lib/roles';
import type { ApiKeyPrincipal, DebtorPrincipal, MatrixRow, Needs, Outcome, Principal, SessionPrincipal } from './types';

export const SESSION_PRINCIPALS: SessionPrincipal[] = [
  'anonymous',
  'pendingSecondFactor',
  'read',
  'write',
  'admin',
  'otherCompanyAdmin',
  'staff',
];
export const API_KEY_PRINCIPALS: ApiKeyPrincipal[] = ['apiKey', 'otherCompanyApiKey', 'revokedApiKey'];
export const DEBTOR_PRINCIPALS: DebtorPrincipal[] = ['debtor', 'letterCodeDebtor', 'otherDebtor'];
export const PRINCIPALS: Principal[] = [...SESSION_PRINCIPALS, ...DEBTOR_PRINCIPALS, ...API_KEY_PRINCIPALS];

export const isDebtorPrincipal = (principal: Principal): principal is DebtorPrincipal =>
  (DEBTOR_PRINCIPALS as Principal[]).includes(principal);

const isApiKeyPrincipal = (principal: Principal): principal is ApiKeyPrincipal => (API_KEY_PRINCIPALS as Principal[]).includes(principal);

/**
 * Who a row is called as: every session principal always; the API-key principals on every route handler (a key
 * must open no session route, a session no /api/v1 route). Server actions are never reached with a key.
 */
export function principalsFor(row: Pick<MatrixRow, 'file'>): Principal[] {
  return row.file.startsWith('app/') ? PRINCIPALS : [...SESSION_PRINCIPALS, ...DEBTOR_PRINCIPALS];
}

/** What each principal must meet for a row's `needs`: the rules of STYLE.md §6 as one table. */
export function expectedOutcome(needs: Needs, principal: Principal): Outcome {
  if (needs === 'public') return 'allowed';
  // Min side and the portal never share a session: a debtor is nobody to the portal, a creditor nobody to Min side.
  if (needs === 'debtor') return isDebtorPrincipal(principal) ? (principal === 'otherDebtor' ? 'notFound' : 'allowed') : 'signIn';
  if (needs === 'debtorSignedIn') return isDebtorPrincipal(principal) ? 'allowed' : 'signIn';
  if (isDebtorPrincipal(principal)) return 'signIn';
  if (needs === 'apiKey' || needs === 'apiKeyOwnCompany') {
    // A session counts for nothing on /api/v1; only a live key does, and only for its own company's objects.
    if (principal === 'apiKey') return 'allowed';
    if (principal === 'otherCompanyApiKey') return needs === 'apiKey' ? 'notFound' : 'allowed';
    return 'signIn';
  }
  // A key is no session: on the portal's own routes it is as good as no credentials at all.
  if (isApiKeyPrincipal(principal)) return 'signIn';
  if (principal === 'anonymous' || principal === 'pendingSecondFactor') return 'signIn';
  if (needs === 'signedIn') return 'allowed';
  // The agency's staff never join a creditor company: for them the creditor's own-account flows do not exist.
  if (needs === 'creditorAccount') return principal === 'staff' ? 'notFound' : 'allowed';
  if (needs === 'staff') return principal === 'staff' ? 'allowed' : 'notFound';
  // A company's object: outsiders (another company's admin, the agency's staff) do not learn that it exists.
  if (principal === 'otherCompanyAdmin' || principal === 'staff') return 'notFound';
  return roleAtLeast(principal, needs) ? 'allowed' : 'refused';
}
