import { count, eq, sql } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Database, Tx } from '@/db/client';
import { assignDemoIdentities } from '@/lib/demo/debtor-identities';
import {
  apiKeys,
  companies,
  debtors,
  events,
  feeRates,
  interestRates,
  memberships,
  messages,
  secondFactors,
  tasks,
  users,
} from '@/db/schema';
import { encryptSecret } from '@/lib/auth/crypto';
import { hashPassword } from '@/lib/auth/password';
import { todayInOslo } from '@/lib/dates';
import { makeKid } from '@/lib/norwegian-ids';
import { env } from '@/lib/env';
import { DEMO_API_KEY_COMPANY_ID, DEMO_COMPANIES, DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS } from '@/lib/demo/accounts';
import { ensureDemoApiKey } from '@/lib/demo/api-key';
import { CASE_COUNTS, planCases } from '@/lib/demo/case-plans';
import type { CasePlan, Context, DemoRows, DemoUserIds } from '@/lib/demo/context';
import { playDemo } from '@/lib/demo/days';
import { DAY_MS, MINUTE_MS, dayNumber } from '@/lib/dates';
import { assumedCompensation, assumedRates } from '@/lib/demo/rates';
import { addRemittance, runSettlements } from '@/lib/demo/settlements';
import { addMessages, addTasks } from '@/lib/demo/work';
import { createRng, uuidFrom } from '@/lib/demo/random';

// The demo data: the accounts and the cases' plans built in memory from a fixed seed (planDemo), then the clock
// moved over them in one transaction (seedDemo), the collection engine writing every letter, fee and interest.

const SEED = 20_260_101;

type BuildOptions = { today: number; caseNumbers: number[]; passwordHash: string; sealTotpSecret: () => string };

/** The demo companies, their users with TOTP set up, and the memberships; returns the ids of the demo users. */
function addAccounts(rows: DemoRows, options: BuildOptions, newId: () => string): DemoUserIds {
  const setupAt = new Date((options.today - 600) * DAY_MS + 8 * 60 * MINUTE_MS);
  DEMO_COMPANIES.forEach((company, index) => {
    rows.companies.push({
      id: company.id,
      name: company.name,
      organisationNumber: company.organisationNumber,
      payoutAccountNumber: company.payoutAccountNumber,
      autocollectEnabled: index === 1,
      createdAt: setupAt,
    });
  });
  const userIds = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const id = newId();
    userIds.set(user.email, id);
    rows.users.push({
      id,
      email: user.email,
      name: user.name,
      passwordHash: options.passwordHash,
      locale: 'nb',
      isAgencyStaff: user.isAgencyStaff ?? false,
      createdAt: setupAt,
    });
    rows.secondFactors.push({
      id: newId(),
      userId: id,
      method: 'totp',
      secretEncrypted: options.sealTotpSecret(),
      confirmedAt: setupAt,
      createdAt: setupAt,
    });
    for (const role of user.roles)
      rows.memberships.push({ id: newId(), companyId: role.companyId, userId: id, role: role.role, createdAt: setupAt });
  }
  return {
    admin: userIds.get('admin@demo.no') ?? '',
    writer: userIds.get('skriv@demo.no') ?? '',
    reader: userIds.get('les@demo.no') ?? '',
    staff: userIds.get('saksbehandler@demo.no') ?? '',
  };
}

/** Everything decided before the clock runs: the accounts, the debtors, and each case with what will happen on it. */
function planDemo(options: BuildOptions) {
  const rng = createRng(SEED);
  const idRng = createRng(SEED ^ 0x5eed);
  const rows: DemoRows = {
    companies: [],
    users: [],
    memberships: [],
    secondFactors: [],
    debtors: [],
    events: [],
    tasks: [],
    messages: [],
    settlementDays: [],
  };
  const newId = () => uuidFrom(idRng);
  const userIds = addAccounts(rows, options, newId);
  const ctx: Context = {
    rng,
    newId,
    today: options.today,
    lastDay: options.today - 1,
    agencyAccount: env().AGENCY_ACCOUNT_NUMBER,
    userIds,
  };

  const { plans, debtorRows } = planCases(ctx);
  assignDemoIdentities(plans, options.today);
  const seen = new Set<string>();
  plans.forEach((plan: CasePlan, index) => {
    plan.caseNumber = options.caseNumbers[index] ?? 0;
    plan.kid = makeKid(`${plan.company.kidPrefix}${String(plan.caseNumber).padStart(8, '0')}`, 'mod10');
    if (!seen.has(plan.debtor.id)) {
      seen.add(plan.debtor.id);
      plan.debtor.createdAt = new Date(plan.registeredDay * DAY_MS + 5 * 60 * MINUTE_MS);
    }
  });
  rows.debtors.push(...debtorRows);
  addRemittance(ctx, rows);
  return { ctx, rows, plans };
}

const CHUNK = 500;
const SEED_LOCK = 7_424_551;

async function insertChunked<T extends PgTable>(tx: Tx, table: T, rows: PgInsertValue<T>[]) {
  for (let start = 0; start < rows.length; start += CHUNK) await tx.insert(table).values(rows.slice(start, start + CHUNK));
}

async function hasCompanies(db: Database | Tx): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(companies);
  return (row?.n ?? 0) > 0;
}

/** Total number of demo cases (all companies). */
export const DEMO_CASE_COUNT = CASE_COUNTS.reduce((sum, n) => sum + n, 0);

/**
 * Fills an empty database with the demo companies, users (see demo-accounts.ts) and ~300 cases with their history,
 * in one transaction. Does nothing when any company exists. The data is the same on every run except that dates
 * are relative to `today` (default: today in Oslo, the engine's calendar), so the demo always looks fresh.
 */
export async function seedDemo(db: Database, options: { today?: string } = {}): Promise<{ seeded: boolean }> {
  if (await hasCompanies(db)) return { seeded: false };
  const isoToday = options.today ?? todayInOslo();
  const today = dayNumber(isoToday);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    // Two seeders started at once (app start and CLI): the second waits here, then sees the companies.
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (await hasCompanies(tx)) return { seeded: false };
    const numbers = await tx
      .select({ value: sql<number>`nextval('case_number_seq')`.mapWith(Number) })
      .from(sql`generate_series(1, ${DEMO_CASE_COUNT})`);
    const { ctx, rows, plans } = planDemo({
      today,
      caseNumbers: numbers.map((row) => row.value).sort((a, b) => a - b),
      passwordHash,
      sealTotpSecret: () => encryptSecret(DEMO_TOTP_SECRET),
    });
    await insertChunked(tx, companies, rows.companies);
    await insertChunked(tx, users, rows.users);
    await insertChunked(tx, memberships, rows.memberships);
    await insertChunked(tx, secondFactors, rows.secondFactors);
    await insertChunked(tx, debtors, rows.debtors);
    await tx
      .insert(interestRates)
      .values(
        assumedRates(isoToday).map((rate) => ({
          ...rate,
          source: 'Demo: antatt rente (styringsrenten + 8 prosentpoeng som i 1. halvår 2026), ikke publisert',
          assumption: true,
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(feeRates)
      .values(
        assumedCompensation(isoToday).map((row) => ({
          ...row,
          kind: 'standard_compensation' as const,
          source: 'Demo: antatt standardkompensasjon (460 kr som i 1. halvår 2026), ikke publisert',
          assumption: true,
        })),
      )
      .onConflictDoNothing();
    // AutoCollect's writes in Nordlys Elektro AS come through its API key, as they do in the portal.
    await ensureDemoApiKey(tx);
    const [key] = await tx.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.companyId, DEMO_API_KEY_COMPANY_ID));
    const outcomes = await playDemo(tx, ctx, plans, { newId: ctx.newId, apiKeyId: key?.id ?? '' });
    addTasks(ctx, outcomes, rows);
    addMessages(ctx, outcomes, rows);
    await insertChunked(tx, tasks, rows.tasks);
    await insertChunked(tx, messages, rows.messages);
    await insertChunked(tx, events, rows.events);
    await runSettlements(tx, rows);
    // The last change on a case is its newest event (the engine's writes stamp the database's clock).
    await tx.execute(sql`update cases c set updated_at = e.at from (select case_id, max(occurred_at) as at from events
      where case_id is not null group by case_id) e where e.case_id = c.id`);
    return { seeded: true };
  });
}
