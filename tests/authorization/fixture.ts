import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import { sessionCookieFor } from '@/lib/cli/session-cookie';
import { makeCase } from '@/tests/helpers/case-factories';
import { E2E_SECRETS } from '@/tests/helpers/e2e-secrets';
import { makeCompany, makeUser } from '@/tests/helpers/factories';
import type { MatrixFixture, Principal } from './types';

/** A fresh world for one cell (see MatrixFixture), and the cookie each principal sends. */
export async function makeMatrixFixture(db: Database): Promise<{ fixture: MatrixFixture; cookies: Record<Principal, string | null> }> {
  const company = await makeCompany(db);
  const otherCompany = await makeCompany(db);
  const [read, write, admin, otherCompanyAdmin, staff] = await Promise.all([
    makeUser(db, { memberships: [{ companyId: company.id, role: 'read' }] }),
    makeUser(db, { memberships: [{ companyId: company.id, role: 'write' }] }),
    makeUser(db, { memberships: [{ companyId: company.id, role: 'admin' }] }),
    makeUser(db, { memberships: [{ companyId: otherCompany.id, role: 'admin' }] }),
    makeUser(db),
  ]);
  await db.update(users).set({ isAgencyStaff: true }).where(eq(users.id, staff.id));
  const debtCase = await makeCase(db, { companyId: company.id });
  const otherCase = await makeCase(db, { companyId: otherCompany.id });
  const invoice = debtCase.invoices[0];
  if (!invoice) throw new Error('the fixture case has no invoice');
  const cookie = (email: string, secondFactorPending = false) =>
    sessionCookieFor(db, email, E2E_SECRETS.AUTH_SECRET, { secondFactorPending, userAgent: 'authorization-matrix' });
  const fixture: MatrixFixture = {
    db,
    locale: 'nb',
    companyId: company.id,
    otherCompanyId: otherCompany.id,
    caseId: debtCase.id,
    invoiceId: invoice.id,
    otherCaseId: otherCase.id,
    users: {
      read: { id: read.id, email: read.email },
      write: { id: write.id, email: write.email },
      admin: { id: admin.id, email: admin.email },
      otherCompanyAdmin: { id: otherCompanyAdmin.id, email: otherCompanyAdmin.email },
      staff: { id: staff.id, email: staff.email },
    },
  };
  return {
    fixture,
    cookies: {
      anonymous: null,
      // The company's own Administrator, stopped at the second factor: only the missing 2FA stands in the way.
      pendingSecondFactor: await cookie(admin.email, true),
      read: await cookie(read.email),
      write: await cookie(write.email),
      admin: await cookie(admin.email),
      otherCompanyAdmin: await cookie(otherCompanyAdmin.email),
      staff: await cookie(staff.email),
    },
  };
}

// Rows that change without any request: the sign-in bookkeeping, and the outbox that background jobs deliver.
const VOLATILE_TABLES = new Set(['sessions', 'sign_in_attempts', 'outbox', '__drizzle_migrations']);

/** A fingerprint of every row of every table in the public schema (but the volatile ones). */
export async function databaseFingerprint(db: Database): Promise<Record<string, string>> {
  const tables = await db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const fingerprint: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    if (VOLATILE_TABLES.has(table)) continue;
    const [row] = await db.execute<{ digest: string | null; rows: string }>(
      sql`select count(*)::text as rows, md5(string_agg(md5(t::text), '' order by md5(t::text))) as digest from ${sql.identifier(table)} t`,
    );
    fingerprint[table] = `${row?.rows}:${row?.digest ?? ''}`;
  }
  return fingerprint;
}
