import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db';
import { apiKeys, caseCollection, cases, companies, debtors, events, invoices, ledgerEntries, messages, users } from '@/db/schema';
import { pauseShiftDays } from '@/lib/engine/rules/dates';
import type { LetterPaymentInfo } from '@/lib/events/types';
import { todayInOslo } from '@/lib/dates';
import { eventActorName } from '@/lib/events/actor-name';
import { claimToday } from './claim-today';

const HISTORY_LIMIT = 500;

export type LedgerTotals = {
  principalOre: number;
  interestOre: number;
  feesOre: number;
  paidOre: number;
  creditedOre: number;
  outstandingOre: number;
};

/** The case's amounts summed from its ledger rows (payments and credit notes are stored negative, shown positive). */
export async function sumCaseLedger(companyId: string, caseId: string): Promise<LedgerTotals> {
  const rows = await db
    .select({ kind: ledgerEntries.kind, total: sql<number>`coalesce(sum(${ledgerEntries.amountOre}), 0)`.mapWith(Number) })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.companyId, companyId), eq(ledgerEntries.caseId, caseId)))
    .groupBy(ledgerEntries.kind);
  const of = (kind: string) => rows.find((row) => row.kind === kind)?.total ?? 0;
  return {
    principalOre: of('principal'),
    interestOre: of('interest'),
    feesOre: of('fee'),
    paidOre: -of('payment'),
    creditedOre: -of('credit_note'),
    outstandingOre: rows.reduce((sum, row) => sum + row.total, 0),
  };
}

/** Everything the case page's Oversikt shows, or null when the case is not the company's. */
export async function getCaseDetail(companyId: string, caseId: string) {
  const [row] = await db
    .select({
      id: cases.id,
      companyId: cases.companyId,
      caseNumber: cases.caseNumber,
      status: cases.status,
      stage: cases.stage,
      currency: cases.currency,
      kid: cases.kid,
      dueOn: cases.dueOn,
      registeredAt: cases.registeredAt,
      closedAt: cases.closedAt,
      companyName: companies.name,
      autocollectEnabled: companies.autocollectEnabled,
      debtor: {
        name: debtors.name,
        customerNumber: debtors.customerNumber,
        kind: debtors.kind,
        addressLine: debtors.addressLine,
        postcode: debtors.postcode,
        city: debtors.city,
        countryCode: debtors.countryCode,
        email: debtors.email,
        phone: debtors.phone,
      },
    })
    .from(cases)
    .innerJoin(companies, eq(companies.id, cases.companyId))
    .innerJoin(debtors, and(eq(debtors.id, cases.debtorId), eq(debtors.companyId, cases.companyId)))
    .where(and(eq(cases.companyId, companyId), eq(cases.id, caseId)));
  if (!row) return null;
  const today = todayInOslo();
  const [caseInvoices, totals, latestLetter, pause, claim] = await Promise.all([
    listCaseInvoices(companyId, caseId),
    sumCaseLedger(companyId, caseId),
    getLatestLetter(companyId, caseId),
    db
      .select({ pausedDays: caseCollection.pausedDays, pausedOn: caseCollection.pausedOn })
      .from(caseCollection)
      .where(and(eq(caseCollection.companyId, companyId), eq(caseCollection.caseId, caseId))),
    claimToday(db, companyId, caseId, today),
  ]);
  // The engine moves the newest letter's deadline by the days paused since it (the pause running now included).
  const pausedDaysSinceLetter = pauseShiftDays(pause[0]?.pausedDays ?? 0, pause[0]?.pausedOn ?? null, today);
  // Utestående and Betalingsinformasjon show today's claim: the ledger plus interest accrued to today.
  return { ...row, invoices: caseInvoices, totals, claim, latestLetter, pausedDaysSinceLetter };
}

export type CaseDetail = NonNullable<Awaited<ReturnType<typeof getCaseDetail>>>;

export async function listCaseInvoices(companyId: string, caseId: string) {
  return db
    .select({
      id: invoices.id,
      invoiceNumber: invoices.invoiceNumber,
      issuedOn: invoices.issuedOn,
      dueOn: invoices.dueOn,
      amountOre: invoices.amountOre,
      currency: invoices.currency,
      description: invoices.description,
    })
    .from(invoices)
    .where(and(eq(invoices.companyId, companyId), eq(invoices.caseId, caseId)))
    .orderBy(asc(invoices.issuedOn), asc(invoices.invoiceNumber));
}

/** The payment information printed on the newest letter, if the case has one. */
async function getLatestLetter(companyId: string, caseId: string): Promise<(LetterPaymentInfo & { sentAt: Date }) | null> {
  const [row] = await db
    .select({ data: events.data, occurredAt: events.occurredAt })
    .from(events)
    .where(and(eq(events.companyId, companyId), eq(events.caseId, caseId), eq(events.type, 'letter.sent')))
    .orderBy(desc(events.occurredAt))
    .limit(1);
  if (!row) return null;
  return { ...(row.data as LetterPaymentInfo), sentAt: row.occurredAt };
}

export type HistoryEntry = {
  id: string;
  type: string;
  occurredAt: Date;
  actorName: string | null;
  data: Record<string, unknown>;
  messageBody: string | null;
};

/** The case's history newest first, limited to the given event types (capped; a case has tens of events). */
export async function listCaseHistory(companyId: string, caseId: string, eventTypes: readonly string[]): Promise<HistoryEntry[]> {
  if (eventTypes.length === 0) return [];
  const rows = await db
    .select({
      id: events.id,
      type: events.type,
      occurredAt: events.occurredAt,
      actorName: eventActorName(),
      data: events.data,
      messageBody: messages.body,
    })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorUserId))
    .leftJoin(apiKeys, eq(apiKeys.id, events.actorApiKeyId))
    .leftJoin(messages, and(eq(messages.companyId, companyId), sql`${messages.id}::text = ${events.data}->>'messageId'`))
    .where(and(eq(events.companyId, companyId), eq(events.caseId, caseId), inArray(events.type, [...eventTypes])))
    .orderBy(desc(events.occurredAt), desc(events.id))
    .limit(HISTORY_LIMIT);
  return rows;
}
