import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { cases, debtors, events, invoices, ledgerEntries } from '@/db/schema';
import type { Role } from '@/lib/roles';
import { makeKid } from '@/lib/norwegian-ids';
import { makeCompany, makeUser } from './factories';
import { addDays, todayInOslo } from '@/lib/dates';

type CaseStatus = 'active' | 'paused' | 'withdrawn' | 'closed';
type CaseStage = 'reminder' | 'notice' | 'demand' | 'legal' | 'surveillance' | 'closed';

export type CaseOptions = {
  companyId: string;
  status?: CaseStatus;
  stage?: CaseStage;
  /** Principal per invoice, in øre; one invoice of 10 000 kr by default. */
  invoiceAmountsOre?: number[];
  feeOre?: number;
  interestOre?: number;
  issuedOn?: string;
  letterDueOn?: string;
  debtorName?: string;
};

function isoDaysAgo(days: number): string {
  return addDays(todayInOslo(), -days);
}

/**
 * A case as the agency registers it: a debtor, invoices with their principal ledger rows, a fee and interest,
 * the cached balance equal to the ledger, and the case.registered and letter.sent events.
 */
export async function makeCase(db: Executor, options: CaseOptions) {
  const { companyId } = options;
  const suffix = randomUUID().slice(0, 8);
  const [debtor] = await db
    .insert(debtors)
    .values({
      companyId,
      customerNumber: `K-${suffix}`,
      kind: 'person',
      name: options.debtorName ?? `Kari Testesen ${suffix}`,
      searchName: `kari testesen ${suffix}`,
      addressLine: 'Storgata 1',
      postcode: '0150',
      city: 'Oslo',
      email: `kari.${suffix}@example.com`,
      phone: '+4791234567',
    })
    .returning();
  if (!debtor) throw new Error('debtor insert failed');
  const amounts = options.invoiceAmountsOre ?? [1_000_000];
  const principal = amounts.reduce((sum, amount) => sum + amount, 0);
  const feeOre = options.feeOre ?? 3_500;
  const interestOre = options.interestOre ?? 0;
  const issuedOn = options.issuedOn ?? isoDaysAgo(60);
  const dueOn = isoDaysAgo(45);
  const kid = makeKid(String(Math.floor(Math.random() * 1e12)).padStart(12, '0'), 'mod10');
  const [row] = await db
    .insert(cases)
    .values({
      companyId,
      debtorId: debtor.id,
      status: options.status ?? 'active',
      stage: options.stage ?? 'reminder',
      kid,
      source: 'manual',
      originalAmountOre: principal,
      balanceOre: principal + feeOre + interestOre,
      dueOn,
      closedAt: options.status === 'closed' ? new Date() : null,
    })
    .returning();
  if (!row) throw new Error('case insert failed');
  const invoiceRows = [];
  for (const [index, amountOre] of amounts.entries()) {
    const [invoice] = await db
      .insert(invoices)
      .values({
        companyId,
        caseId: row.id,
        invoiceNumber: `F-${suffix}-${index + 1}`,
        issuedOn,
        dueOn,
        amountOre,
        description: 'Testfaktura',
      })
      .returning();
    if (!invoice) throw new Error('invoice insert failed');
    invoiceRows.push(invoice);
    await db
      .insert(ledgerEntries)
      .values({ companyId, caseId: row.id, invoiceId: invoice.id, kind: 'principal', amountOre, bookedOn: issuedOn });
  }
  if (feeOre) await db.insert(ledgerEntries).values({ companyId, caseId: row.id, kind: 'fee', amountOre: feeOre, bookedOn: issuedOn });
  if (interestOre)
    await db.insert(ledgerEntries).values({ companyId, caseId: row.id, kind: 'interest', amountOre: interestOre, bookedOn: issuedOn });
  const registeredAt = new Date(Date.now() - 30 * 86_400_000);
  await db.insert(events).values([
    {
      companyId,
      type: 'case.registered',
      subjectType: 'case',
      subjectId: row.id,
      caseId: row.id,
      data: { invoiceNumber: invoiceRows[0]?.invoiceNumber ?? '', amountOre: principal, source: 'manual' },
      occurredAt: registeredAt,
    },
    {
      companyId,
      type: 'letter.sent',
      subjectType: 'case',
      subjectId: row.id,
      caseId: row.id,
      data: {
        accountNumber: '86011117947',
        kid,
        amountOre: principal + feeOre,
        dueOn: options.letterDueOn ?? isoDaysAgo(16),
        letterKind: 'reminder',
      },
      occurredAt: new Date(registeredAt.getTime() + 60_000),
    },
  ]);
  return { ...row, debtor, invoices: invoiceRows };
}

/** A company with a user of the given role in it, and the actor a mutation takes. */
export async function makeCompanyActor(db: Executor, role: Role, companyOverrides: Parameters<typeof makeCompany>[1] = {}) {
  const company = await makeCompany(db, companyOverrides);
  const user = await makeUser(db, { memberships: [{ companyId: company.id, role }] });
  return { company, user, actor: { userId: user.id, companyId: company.id, role } };
}

/** The case's cached balance and its ledger's sum; equal after every mutation. */
export async function balanceAndLedger(db: Executor, caseId: string) {
  const [row] = await db
    .select({
      balanceOre: cases.balanceOre,
      ledgerOre: sql<number>`(select coalesce(sum(le.amount_ore), 0) from ledger_entries le where le.case_id = "cases"."id")`.mapWith(
        Number,
      ),
    })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!row) throw new Error('case not found');
  return row;
}

/** Cases anywhere in the database whose cached balance differs from their ledger's sum (should be none). */
export async function casesWithDriftedBalance(db: Executor) {
  return db
    .select({ id: cases.id, balanceOre: cases.balanceOre })
    .from(cases)
    .where(sql`"cases"."balance_ore" <> (select coalesce(sum(le.amount_ore), 0) from ledger_entries le where le.case_id = "cases"."id")`);
}

export async function caseEvents(db: Executor, companyId: string, caseId: string) {
  return db
    .select()
    .from(events)
    .where(and(eq(events.companyId, companyId), eq(events.caseId, caseId)))
    .orderBy(events.occurredAt);
}
