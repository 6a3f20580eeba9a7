import { and, asc, eq, gt, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { apiKeys, cases, debtors, events, remittanceLines, remittanceSlips, users } from '@/db/schema';
import type { CaseStatus } from '@/lib/cases/status-rules';
import type { CaseDetail, CaseSummary } from './contract';
import { ApiProblem } from './problem';
import { eventActorName } from '@/lib/events/actor-name';

const HISTORY_LIMIT = 500;

// The case's (first) invoice number; a case has one invoice in practice.
const invoiceNumber = sql<
  string | null
>`(select i.invoice_number from invoices i where i.case_id = ${cases.id} and i.company_id = ${cases.companyId} order by i.created_at, i.id limit 1)`;

const summaryColumns = {
  id: cases.id,
  caseNumber: cases.caseNumber,
  status: cases.status,
  stage: cases.stage,
  currency: cases.currency,
  invoiceNumber,
  customerNumber: debtors.customerNumber,
  debtorName: debtors.name,
  originalAmountOre: cases.originalAmountOre,
  balanceOre: cases.balanceOre,
  kid: cases.kid,
  registeredAt: cases.registeredAt,
  updatedAt: cases.updatedAt,
  closedAt: cases.closedAt,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: unknown } & {
  id: string;
  registeredAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
};

function toSummary(row: SummaryRow): CaseSummary {
  return {
    caseNumber: Number(row.caseNumber),
    status: row.status as CaseStatus,
    stage: row.stage as CaseSummary['stage'],
    currency: String(row.currency),
    invoiceNumber: (row.invoiceNumber as string | null) ?? null,
    customerNumber: String(row.customerNumber),
    debtorName: String(row.debtorName),
    originalAmountOre: Number(row.originalAmountOre),
    balanceOre: Number(row.balanceOre),
    kid: String(row.kid),
    registeredAt: new Date(row.registeredAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    closedAt: row.closedAt ? new Date(row.closedAt).toISOString() : null,
  };
}

/** A case of the company by its number, or null (another company's case is not found). */
export async function findCaseByNumber(
  db: Executor,
  companyId: string,
  caseNumber: number,
): Promise<{ id: string; summary: CaseSummary } | null> {
  const [row] = await db
    .select(summaryColumns)
    .from(cases)
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .where(and(eq(cases.companyId, companyId), eq(cases.caseNumber, caseNumber)));
  return row ? { id: row.id, summary: toSummary(row as SummaryRow) } : null;
}

export async function getCaseById(db: Executor, companyId: string, caseId: string): Promise<CaseSummary | null> {
  const [row] = await db
    .select(summaryColumns)
    .from(cases)
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .where(and(eq(cases.companyId, companyId), eq(cases.id, caseId)));
  return row ? toSummary(row as SummaryRow) : null;
}

/** The case with its history, oldest first (the agency's staff act as the agency: actor null). */
export async function getCaseDetail(db: Executor, companyId: string, caseNumber: number): Promise<CaseDetail | null> {
  const found = await findCaseByNumber(db, companyId, caseNumber);
  if (!found) return null;
  const rows = await db
    .select({
      type: events.type,
      occurredAt: events.occurredAt,
      actor: eventActorName(),
      data: events.data,
    })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorUserId))
    .leftJoin(apiKeys, eq(apiKeys.id, events.actorApiKeyId))
    .where(and(eq(events.companyId, companyId), eq(events.caseId, found.id)))
    .orderBy(asc(events.occurredAt), asc(events.id))
    .limit(HISTORY_LIMIT);
  return { ...found.summary, history: rows.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() })) };
}

// The cursor is the last case number seen: case numbers come from one sequence, so new cases land after every
// cursor and a page walk never skips or repeats a case while cases are added.
export function encodeCursor(caseNumber: number): string {
  return Buffer.from(`c:${caseNumber}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const match = /^c:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match)
    throw new ApiProblem(422, 'validation', 'The request is not valid.', undefined, {
      errors: [{ path: 'cursor', message: 'Not a cursor from this API.' }],
    });
  return Number(match[1]);
}

export async function listCases(
  db: Executor,
  companyId: string,
  query: { status?: CaseStatus; updatedSince?: string; cursor?: string; limit: number },
): Promise<{ data: CaseSummary[]; nextCursor: string | null }> {
  const conditions: SQL[] = [eq(cases.companyId, companyId)];
  if (query.status) conditions.push(eq(cases.status, query.status));
  if (query.updatedSince) conditions.push(gte(cases.updatedAt, new Date(query.updatedSince)));
  if (query.cursor) conditions.push(gt(cases.caseNumber, decodeCursor(query.cursor)));
  const rows = await db
    .select(summaryColumns)
    .from(cases)
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .where(and(...conditions))
    .orderBy(asc(cases.caseNumber))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit).map((row) => toSummary(row as SummaryRow));
  const last = page.at(-1);
  return { data: page, nextCursor: rows.length > query.limit && last ? encodeCursor(last.caseNumber) : null };
}

/** The company's remittance slips settled on or after `since`, oldest first, with their lines (capped). */
export async function listSettlements(db: Executor, companyId: string, since: string | undefined) {
  const slips = await db
    .select()
    .from(remittanceSlips)
    .where(and(eq(remittanceSlips.companyId, companyId), since ? gte(remittanceSlips.settledOn, since) : undefined))
    .orderBy(asc(remittanceSlips.settledOn), asc(remittanceSlips.createdAt))
    .limit(100);
  const lines = slips.length
    ? await db
        .select()
        .from(remittanceLines)
        .where(
          and(
            eq(remittanceLines.companyId, companyId),
            inArray(
              remittanceLines.slipId,
              slips.map((slip) => slip.id),
            ),
          ),
        )
        .orderBy(asc(remittanceLines.caseNumber))
    : [];
  return slips.map((slip) => ({
    slipNumber: slip.slipNumber,
    settledOn: slip.settledOn,
    periodEndOn: slip.periodEndOn,
    bankReference: slip.bankReference,
    payoutAccountNumber: slip.payoutAccountNumber,
    grossOre: slip.grossOre,
    principalOre: slip.principalOre,
    interestOre: slip.interestOre,
    agencyFeeOre: slip.agencyFeeOre,
    vatOre: slip.vatOre,
    netOre: slip.netOre,
    directPaymentsOre: slip.directPaymentsOre,
    carriedInOre: slip.carriedInOre,
    carriedOutOre: slip.carriedOutOre,
    lines: lines
      .filter((line) => line.slipId === slip.id)
      .map((line) => ({
        caseNumber: line.caseNumber,
        invoiceNumber: line.invoiceNumber,
        customerNumber: line.customerNumber,
        debtorName: line.debtorName,
        principalOre: line.principalOre,
        interestOre: line.interestOre,
        agencyFeeOre: line.agencyFeeOre,
        vatOre: line.vatOre,
        netOre: line.netOre,
        isDirectPayment: line.isDirectPayment,
      })),
  }));
}
