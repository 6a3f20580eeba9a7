import 'server-only';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db';
import { companies, memberships } from '@/db/schema';
import { DomainError } from '@/lib/errors';

/**
 * Locks the companies' rows (in id order, so two admins never deadlock): membership changes in one company
 * then run one at a time, and the last-Administrator check below sees every committed change.
 */
export async function lockCompanies(tx: Tx, companyIds: string[]) {
  const ids = [...new Set(companyIds)].sort();
  if (ids.length === 0) return [];
  return tx
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(inArray(companies.id, ids))
    .orderBy(asc(companies.id))
    .for('update');
}

/** Every company keeps at least one Administrator; call after the change, under lockCompanies. */
export async function assertAdminsRemain(tx: Tx, companyIds: string[]) {
  for (const companyId of new Set(companyIds)) {
    const [row] = await tx
      .select({ admins: count() })
      .from(memberships)
      .where(and(eq(memberships.companyId, companyId), eq(memberships.role, 'admin')));
    if (!row || row.admins === 0) throw new DomainError('users.errors.lastAdmin');
  }
}
