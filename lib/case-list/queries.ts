import 'server-only';
import type { SQL } from 'drizzle-orm';
import { db, readDb } from '@/db';
import { executeRows, type Executor } from '@/db/client';
import { countCap, PAGE_SIZE, decodeCursor, encodeCursor, sortKind, type CaseListParams, type CaseStage, type CaseStatus } from './schemas';
import { caseCountSql, caseListPageSql } from './sql';

export type CaseListRow = {
  id: string;
  companyId: string;
  companyName: string;
  caseNumber: number;
  invoiceNumbers: string;
  debtorName: string;
  customerNumber: string;
  /** The registration day in Oslo, YYYY-MM-DD. */
  registeredOn: string;
  status: CaseStatus;
  stage: CaseStage;
  originalAmountOre: number;
  balanceOre: number;
  currency: string;
  /** Where a page that starts or ends at this row continues. */
  cursor: string;
};

export type CaseListPage = {
  rows: CaseListRow[];
  /** Cursor for the next page, or null on the last page. */
  nextCursor: string | null;
  /** Cursor for the previous page, or null on the first page. */
  previousCursor: string | null;
};

type RawRow = Record<string, unknown>;

const selectRows = (query: SQL, source: Executor = db) => executeRows<RawRow>(source, query);

function toRow(raw: RawRow, params: CaseListParams): CaseListRow {
  const row = {
    id: String(raw.id),
    companyId: String(raw.company_id),
    companyName: String(raw.company_name),
    caseNumber: Number(raw.case_number),
    invoiceNumbers: raw.invoice_numbers == null ? '' : String(raw.invoice_numbers),
    debtorName: String(raw.debtor_name),
    customerNumber: String(raw.customer_number),
    registeredOn: String(raw.registered_on),
    status: String(raw.status) as CaseStatus,
    stage: String(raw.stage) as CaseStage,
    originalAmountOre: Number(raw.original_amount_ore),
    balanceOre: Number(raw.balance_ore),
    currency: String(raw.currency),
  };
  const kind = sortKind(params.sort);
  const cursor =
    kind === 'registered'
      ? encodeCursor({ kind, registeredAt: String(raw.registered_key), id: row.id })
      : kind === 'amount'
        ? encodeCursor({ kind, amountOre: row.originalAmountOre, id: row.id })
        : encodeCursor({ kind, caseNumber: row.caseNumber });
  return { ...row, cursor };
}

/**
 * One page of cases of `companyIds` (already authorised with requireRole) matching the URL's filters, paged by
 * keyset: `after` continues past a row, `before` goes back. Reads one row more than a page to know if more follow.
 */
/** `source`: the primary by default; the export reads the replica (readDb), which may lag by a second. */
export async function listCases(
  companyIds: readonly string[],
  params: CaseListParams,
  pageSize = PAGE_SIZE,
  source: Executor = db,
): Promise<CaseListPage> {
  if (companyIds.length === 0) return { rows: [], nextCursor: null, previousCursor: null };
  const backwards = Boolean(params.before);
  const cursorText = params.before ?? params.after;
  const cursor = cursorText ? decodeCursor(params.sort, cursorText) : null;
  const raw = await selectRows(caseListPageSql(companyIds, params, { cursor, backwards, limit: pageSize + 1 }), source);
  const hasMore = raw.length > pageSize;
  const rows = raw.slice(0, pageSize).map((row) => toRow(row, params));
  if (backwards) rows.reverse();
  const first = rows[0]?.cursor ?? null;
  const last = rows[rows.length - 1]?.cursor ?? null;
  if (!cursor) return { rows, nextCursor: hasMore ? last : null, previousCursor: null };
  return backwards
    ? { rows, nextCursor: last, previousCursor: hasMore ? first : null }
    : { rows, nextCursor: hasMore ? last : null, previousCursor: first };
}

/** The number of matching cases, or `cap + 1` meaning "more than `cap`". */
export async function countCases(
  companyIds: readonly string[],
  params: CaseListParams,
  cap = countCap(params),
  source: Executor = db,
): Promise<number> {
  if (companyIds.length === 0) return 0;
  const [row] = await selectRows(caseCountSql(companyIds, params, cap), source);
  return Math.min(Number(row?.n ?? 0), cap + 1);
}

/**
 * Every matching case in list order, `batchSize` rows per query (keyset), for the export. The next page is asked for
 * before this one is handed out, so the database reads it while the caller writes this one; at most two pages of
 * rows are held at a time. An export tolerates a second of lag: it reads the replica when there is one.
 */
export async function* streamCases(
  companyIds: readonly string[],
  params: CaseListParams,
  batchSize = 5_000,
): AsyncGenerator<CaseListRow[]> {
  const forward = { ...params, before: undefined, after: undefined, page: 1 };
  const fetchPage = (after: string | undefined) => {
    const page = listCases(companyIds, { ...forward, after }, batchSize, readDb);
    page.catch(() => undefined); // a reader that stops early never awaits the page read ahead
    return page;
  };
  let pending = fetchPage(undefined);
  for (;;) {
    const page = await pending;
    if (page.nextCursor) pending = fetchPage(page.nextCursor);
    if (page.rows.length > 0) yield page.rows;
    if (!page.nextCursor) return;
  }
}
