import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { memberships, users } from '@/db/schema';
import type { MatrixRow } from './types';

/**
 * The staff-account cases: the creditor's user flows aimed at an agency staff account (`users.is_agency_staff`) by
 * the company's own Administrator. Whatever they answer, the staff account's row and memberships stay as they
 * were. `touchesCompany`: the call may still write the company's own rows (an invitation to the address is sent
 * like any other, so that the answer does not tell a staff address from any other).
 */
export const STAFF_CASES: { row: MatrixRow; touchesCompany: boolean }[] = [
  {
    touchesCompany: false,
    row: {
      file: 'lib/users/actions.ts',
      name: 'updateMemberAccessAction',
      needs: 'admin',
      writes: false,
      input: (fx) => ({
        form: { companyId: fx.companyId, userId: fx.users.staff.id, role: 'admin', companyIds: [fx.companyId], scope: [fx.companyId] },
      }),
    },
  },
  {
    touchesCompany: false,
    row: {
      file: 'lib/users/actions.ts',
      name: 'updateMemberAccessAction',
      needs: 'admin',
      writes: false,
      input: (fx) => ({
        form: { companyId: fx.companyId, userId: fx.users.staff.id, role: 'read', companyIds: [], scope: [fx.companyId] },
      }),
    },
  },
  {
    touchesCompany: false,
    row: {
      file: 'lib/users/actions.ts',
      name: 'deleteUserAction',
      needs: 'admin',
      writes: false,
      input: (fx) => ({ form: { companyId: fx.companyId, userId: fx.users.staff.id } }),
    },
  },
  {
    touchesCompany: true,
    row: {
      file: 'lib/invitations/actions.ts',
      name: 'inviteUsersAction',
      needs: 'admin',
      writes: true,
      input: (fx) => ({
        form: { companyId: fx.companyId, emails: fx.users.staff.email, role: 'admin', locale: 'nb', companyIds: [fx.companyId] },
      }),
    },
  },
];

/** The staff account as the creditor side could change it: its row and its memberships. */
export async function staffFingerprint(db: Database, userId: string) {
  const [account] = await db
    .select({ row: sql<string>`md5(${users}::text)` })
    .from(users)
    .where(eq(users.id, userId));
  const rows = await db
    .select({ companyId: memberships.companyId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return { account: account?.row, memberships: rows.sort((a, b) => a.companyId.localeCompare(b.companyId)) };
}
