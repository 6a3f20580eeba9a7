import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { executeRows, type Database } from '@/db/client';
import { apiKeys, companies, debtors, users } from '@/db/schema';
import { createDebtorSession } from '@/lib/auth/debtor-session';
import { generateApiKey } from '@/lib/integrations/keys/keys';
import type { Credentials } from '@/tests/authorization/call';
import { sessionCookieFor } from '@/lib/cli/session-cookie';
import { makeCase } from '@/tests/helpers/case-factories';
import { E2E_SECRETS } from '@/tests/helpers/e2e-secrets';
import { makeCompany, makeUser } from '@/tests/helpers/factories';
import type { MatrixFixture, Principal } from '@/tests/authorization/types';

/** A fresh world for one cell (see MatrixFixture), and the cookie each principal sends. */
/** A live (or revoked) API key of the company, inserted as the Integrasjoner page would; returns it in clear. */
async function makeKey(db: Database, companyId: string, revoked = false): Promise<string> {
  const generated = generateApiKey();
  await db.insert(apiKeys).values({
    companyId,
    name: 'Matrise',
    prefix: generated.prefix,
    secretHash: generated.secretHash,
    revokedAt: revoked ? new Date() : null,
  });
  return generated.key;
}

/** API rows call this in their input: the companies are connected to AutoCollect (else every key gets 403). */
export async function connectAutocollect(fx: MatrixFixture) {
  await fx.db
    .update(companies)
    .set({ autocollectEnabled: true })
    .where(inArray(companies.id, [fx.companyId, fx.otherCompanyId]));
}

export async function makeMatrixFixture(db: Database): Promise<{ fixture: MatrixFixture; credentials: Record<Principal, Credentials> }> {
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
  const [apiKey, otherCompanyApiKey, revokedApiKey] = await Promise.all([
    makeKey(db, company.id),
    makeKey(db, otherCompany.id),
    makeKey(db, company.id, true),
  ]);
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
    apiKeys: { apiKey, otherCompanyApiKey, revokedApiKey },
    caseNumber: debtCase.caseNumber,
    invoiceNumber: invoice.invoiceNumber,
  };
  const session = async (cookie: Promise<string> | null): Promise<Credentials> => ({
    cookie: cookie ? await cookie : null,
    authorization: null,
  });
  // Min side's cookie (the e2e server runs as the demo: the name without __Host-). The fixture case's debtor and
  // another case's debtor get national ids, as BankID would name them.
  const debtorIds = ['15108695088', '01037510064'] as const;
  await db.update(debtors).set({ nationalId: debtorIds[0] }).where(eq(debtors.id, debtCase.debtor.id));
  await db.update(debtors).set({ nationalId: debtorIds[1] }).where(eq(debtors.id, otherCase.debtor.id));
  const debtorSession = async (identity: Parameters<typeof createDebtorSession>[1]): Promise<Credentials> => ({
    cookie: `min_side_session=${(await createDebtorSession(db, identity)).token}`,
    authorization: null,
  });
  const bearer = (key: string): Credentials => ({ cookie: null, authorization: `Bearer ${key}` });
  return {
    fixture,
    credentials: {
      anonymous: await session(null),
      // The company's own Administrator, stopped at the second factor: only the missing 2FA stands in the way.
      pendingSecondFactor: await session(cookie(admin.email, true)),
      read: await session(cookie(read.email)),
      write: await session(cookie(write.email)),
      admin: await session(cookie(admin.email)),
      otherCompanyAdmin: await session(cookie(otherCompanyAdmin.email)),
      staff: await session(cookie(staff.email)),
      debtor: await debtorSession({ kind: 'bankid', nationalId: debtorIds[0], name: 'Kari', organisationNumbers: [] }),
      letterCodeDebtor: await debtorSession({ kind: 'letter_code', caseId: debtCase.id }),
      otherDebtor: await debtorSession({ kind: 'bankid', nationalId: debtorIds[1], name: 'Ola', organisationNumbers: [] }),
      apiKey: bearer(apiKey),
      otherCompanyApiKey: bearer(otherCompanyApiKey),
      revokedApiKey: bearer(revokedApiKey),
    },
  };
}

// Rows that change without any request: the sign-in bookkeeping (Min side's sessions and BankID flows too), and the outbox that background jobs deliver.
// Also the API's per-request bookkeeping: every call with a key counts in api_rate_windows and stamps the key's
// last use, refused or not (key creation and revocation still show in the fingerprint through their events), and
// the unknown keys counted per address.
// case_figure_deltas: running sums derived from `cases` (which is fingerprinted) that the hourly maintenance job folds
// whenever it runs, so a cell that spans its tick would see a change no call made.
const VOLATILE_TABLES = new Set([
  'sessions',
  'debtor_sessions',
  'debtor_sign_in_flows',
  'sign_in_attempts',
  'outbox',
  '__drizzle_migrations',
  'api_rate_windows',
  'api_auth_failures',
  'api_keys',
  'case_figure_deltas',
]);

/** The public schema's tables and their columns: read once per file (the schema does not change during a run). */
let tableColumns: Promise<Map<string, Set<string>>> | undefined;
function publicTables(db: Database): Promise<Map<string, Set<string>>> {
  tableColumns ??= executeRows<{ table_name: string; column_name: string }>(
    db,
    sql`select c.table_name, c.column_name from information_schema.columns c join information_schema.tables t
          on t.table_schema = c.table_schema and t.table_name = c.table_name
          where c.table_schema = 'public' and t.table_type = 'BASE TABLE' order by c.table_name`,
  ).then((columns) => {
    const tables = new Map<string, Set<string>>();
    for (const { table_name: table, column_name: column } of columns) tables.set(table, (tables.get(table) ?? new Set()).add(column));
    return tables;
  });
  return tableColumns;
}

/**
 * A fingerprint of the rows this cell's world owns: in every table of the public schema (but the volatile ones),
 * the rows of its two companies, or of its users, or every row where a table has neither. Background jobs that
 * finish earlier cells' work (an invoice registered, a summary sent) touch only those cells' companies and users.
 * One statement for all tables, so the whole fingerprint is one snapshot and one round trip.
 */
export async function databaseFingerprint(db: Database, fixture: MatrixFixture): Promise<Record<string, string>> {
  const tables = await publicTables(db);
  const companyIds = [fixture.companyId, fixture.otherCompanyId];
  const userIds = Object.values(fixture.users).map((user) => user.id);
  const ids = (list: string[]) =>
    sql.join(
      list.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
  const parts: SQL[] = [];
  for (const [table, names] of tables) {
    if (VOLATILE_TABLES.has(table)) continue;
    // A row belongs to the cell when it names one of its companies or users (events of a user's own account
    // carry no company, only the actor).
    const owned: SQL[] = [];
    if (names.has('company_id')) owned.push(sql`t.company_id in (${ids(companyIds)})`);
    if (names.has('user_id')) owned.push(sql`t.user_id in (${ids(userIds)})`);
    if (names.has('actor_user_id')) owned.push(sql`t.actor_user_id in (${ids(userIds)})`);
    if (table === 'users') owned.push(sql`t.id in (${ids(userIds)})`);
    const scope = owned.length > 0 ? sql`where ${sql.join(owned, sql` or `)}` : sql``;
    parts.push(
      sql`(select ${table}::text as name, count(*)::text as rows, md5(string_agg(md5(t::text), '' order by md5(t::text))) as digest from ${sql.identifier(table)} t ${scope})`,
    );
  }
  if (parts.length === 0) return {};
  const rows = await executeRows<{ name: string; rows: string; digest: string | null }>(db, sql.join(parts, sql` union all `));
  const fingerprint: Record<string, string> = {};
  for (const row of rows) fingerprint[row.name] = `${row.rows}:${row.digest ?? ''}`;
  return fingerprint;
}
