import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db';
import { memberships } from '@/db/schema';
import { DomainError, NotAllowedError } from '@/lib/errors';
import { roleAtLeast, type Role } from '@/lib/roles';

// The gate's shapes and its checks inside a transaction: free of the request (cookies, Auth.js), so that
// mutations and the jobs that call them can import them.

export type Actor = { userId: string; companyId: string; role: Role };
export type CaseActor = Actor & { caseId: string };
/** AutoCollect through one of the company's API keys (lib/integrations/api/auth.ts): writes as the company, no user. */
export type ApiActor = { userId: null; apiKeyId: string; companyId: string; role: 'write' };
/** Who may call a mutation that both the portal and the API reach. */
export type WriteActor = Actor | ApiActor;

/** The history's actor for a mutation's events: the user, or the API key ("AutoCollect (key name)"). */
export function eventActorOf(actor: WriteActor) {
  return { userId: actor.userId, companyId: actor.companyId, apiKeyId: 'apiKeyId' in actor ? actor.apiKeyId : null };
}
export type StaffActor = { userId: string; name: string; staff: true };
export type CompanyScope = {
  userId: string;
  /** Every company the user belongs to (for pickers). */
  companies: { companyId: string; companyName: string; role: Role }[];
  /** The companies this request covers, each with at least the required role. */
  companyIds: string[];
};

/** For a mutation handed an actor: the role the gate granted must cover what the mutation does. */
export function assertActorRole(actor: Pick<Actor, 'role'>, minRole: Role) {
  if (!roleAtLeast(actor.role, minRole)) throw new NotAllowedError();
}

/**
 * The in-transaction re-check for changes across companies, after the caller locked the companies' rows: the
 * actor's roles are read again (they may have changed since the request's gate). Too low in the actor's own
 * company → not allowed; any other company without `minRole` → refused with a translated message.
 */
export async function recheckRoleInTransaction(tx: Tx, actor: Actor, minRole: Role, otherCompanyIds: string[] = []) {
  const ids = [...new Set([actor.companyId, ...otherCompanyIds])];
  const rows = await tx
    .select({ companyId: memberships.companyId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, actor.userId), inArray(memberships.companyId, ids)));
  const granted = new Set(rows.filter((row) => roleAtLeast(row.role, minRole)).map((row) => row.companyId));
  if (!granted.has(actor.companyId)) throw new NotAllowedError();
  if (ids.some((id) => !granted.has(id))) throw new DomainError('users.errors.companyNotAllowed');
}
