import { count, sql } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Database, Tx } from '@/db/client';
import {
  caseCollection,
  interestRates,
  letters,
  cases,
  companies,
  debtorPayments,
  debtors,
  events,
  invoices,
  ledgerEntries,
  memberships,
  messages,
  secondFactors,
  tasks,
  users,
} from '@/db/schema';
import { encryptSecret } from '@/lib/auth/crypto';
import { DEMO_ASSUMED_RATES } from '@/db/seed/demo-rates';
import { hashPassword } from '@/lib/auth/password';
import { makeKid } from '@/lib/domain/check-digits';
import { env } from '@/lib/env';
import { DEMO_COMPANIES, DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS } from '@/db/seed/demo-accounts';
import { CASE_COUNTS, planCases } from '@/db/seed/demo-case-plans';
import { simulateCase } from '@/db/seed/demo-case-simulation';
import type { Context, DemoRows, DemoUserIds } from '@/db/seed/demo-context';
import { DAY_MS, MINUTE_MS, dayNumber } from '@/db/seed/demo-dates';
import { addRemittance, runSettlements } from '@/db/seed/demo-remittance';
import { addMessages, addTasks } from '@/db/seed/demo-work';
import { createRng, uuidFrom } from '@/db/seed/random';

// The demo data: built in memory from a fixed seed (buildDemoData), then inserted in one transaction (seedDemo).

const SEED = 20_260_101;

type BuildOptions = { today: number; caseNumbers: number[]; passwordHash: string; sealTotpSecret: () => string };

/** The demo companies, their users with TOTP set up, and the memberships; returns the ids of the creditor users. */
function addAccounts(rows: DemoRows, options: BuildOptions, newId: () => string): DemoUserIds {
  const setupAt = new Date((options.today - 600) * DAY_MS + 8 * 60 * MINUTE_MS);
  DEMO_COMPANIES.forEach((company, index) => {
    rows.companies.push({
      id: company.id,
      name: company.name,
      organisationNumber: company.organisationNumber,
      payoutAccountNumber: company.payoutAccountNumber,
      autocollectEnabled: index === 1,
      accountingSystem: index === 1 ? 'tripletex' : null,
      createdAt: setupAt,
    });
  });
  const userIds = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const id = newId();
    userIds.set(user.email, id);
    rows.users.push({ id, email: user.email, name: user.name, passwordHash: options.passwordHash, locale: 'nb', isAgencyStaff: user.isAgencyStaff ?? false, createdAt: setupAt });
    rows.secondFactors.push({ id: newId(), userId: id, method: 'totp', secretEncrypted: options.sealTotpSecret(), confirmedAt: setupAt, createdAt: setupAt });
    for (const role of user.roles) rows.memberships.push({ id: newId(), companyId: role.companyId, userId: id, role: role.role, createdAt: setupAt });
  }
  return {
    admin: userIds.get('admin@demo.no') ?? '',
    writer: userIds.get('skriv@demo.no') ?? '',
    reader: userIds.get('les@demo.no') ?? '',
  };
}

function buildDemoData(options: BuildOptions): DemoRows {
  const rng = createRng(SEED);
  const idRng = createRng(SEED ^ 0x5eed);
  const rows: DemoRows = {
    companies: [], users: [], memberships: [], secondFactors: [], debtors: [], cases: [], invoices: [], ledger: [], events: [], letters: [], collection: [],
    tasks: [], messages: [], slips: [], lines: [], payments: [], debtorPayments: [], settlementDays: [],
  };
  const newId = () => uuidFrom(idRng);
  const userIds = addAccounts(rows, options, newId);
  const ctx: Context = { rng, newId, today: options.today, lastDay: options.today - 1, agencyAccount: env().AGENCY_ACCOUNT_NUMBER, userIds };

  const { plans, debtorRows } = planCases(ctx);
  const seen = new Set<string>();
  plans.forEach((plan, index) => {
    plan.caseNumber = options.caseNumbers[index] ?? 0;
    plan.kid = makeKid(`${plan.company.kidPrefix}${String(plan.caseNumber).padStart(8, '0')}`, 'mod10');
    if (!seen.has(plan.debtor.id)) {
      seen.add(plan.debtor.id);
      plan.debtor.createdAt = new Date(plan.registeredDay * DAY_MS + 5 * 60 * MINUTE_MS);
    }
  });
  rows.debtors.push(...debtorRows);
  const outcomes = plans.map((plan) => simulateCase(ctx, plan, rows));
  addTasks(ctx, outcomes, rows);
  addMessages(ctx, outcomes, rows);
  addRemittance(ctx, rows);
  return rows;
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
 * are relative to `today` (default: the current UTC date), so the demo always looks fresh.
 */
export async function seedDemo(db: Database, options: { today?: string } = {}): Promise<{ seeded: boolean }> {
  if (await hasCompanies(db)) return { seeded: false };
  const today = dayNumber(options.today ?? new Date().toISOString().slice(0, 10));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    // Two seeders started at once (app start and CLI): the second waits here, then sees the companies.
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (await hasCompanies(tx)) return { seeded: false };
    const numbers = await tx
      .select({ value: sql<number>`nextval('case_number_seq')`.mapWith(Number) })
      .from(sql`generate_series(1, ${DEMO_CASE_COUNT})`);
    const rows = buildDemoData({
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
    await insertChunked(tx, cases, rows.cases);
    await insertChunked(tx, invoices, rows.invoices);
    await insertChunked(tx, ledgerEntries, rows.ledger);
    await insertChunked(tx, tasks, rows.tasks);
    await insertChunked(tx, messages, rows.messages);
    rows.events.sort((a, b) => (a.occurredAt as Date).getTime() - (b.occurredAt as Date).getTime());
    await insertChunked(tx, events, rows.events);
    await insertChunked(tx, letters, rows.letters);
    await insertChunked(tx, caseCollection, rows.collection);
    await tx.insert(interestRates).values(DEMO_ASSUMED_RATES.map((rate) => ({ ...rate, note: 'demo assumption (not a published rate)' }))).onConflictDoNothing();
    await insertChunked(tx, debtorPayments, rows.debtorPayments);
    await runSettlements(tx, rows);
    return { seeded: true };
  });
}
