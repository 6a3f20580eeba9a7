import { z } from 'zod';

export const CASE_STATUSES = ['active', 'paused', 'withdrawn', 'closed'] as const;
export const CASE_STAGES = ['reminder', 'notice', 'demand', 'legal', 'surveillance', 'closed'] as const;
/** The status filter, in the order the help text names it; "all" is the default (see the page's comment). */
export const STATUS_FILTERS = ['active', 'paused', 'withdrawn', 'closed', 'all'] as const;
export const CASE_SORTS = ['registered-desc', 'registered-asc', 'amount-desc', 'amount-asc', 'number-desc', 'number-asc'] as const;

export const PAGE_SIZE = 50;
/** Counting stops here; the page says "10 000+" instead of counting a million rows on every request. */
export const COUNT_CAP = 10_000;
/**
 * A search counts to 1 000 only: every match the trigram index finds must be rechecked in the table, one random page
 * read each, so counting a common surname to 10 000 took ~300 ms at 1M cases (README "Performance"); to 1 000, ~20.
 */
export const SEARCH_COUNT_CAP = 1_000;
export const MAX_QUERY_LENGTH = 100;
/** Most rows one export may hold: 100 000 rows stay under the server's memory budget (see bench:cases). */
export const MAX_EXPORT_ROWS = 100_000;

export type CaseStatus = (typeof CASE_STATUSES)[number];
export type CaseStage = (typeof CASE_STAGES)[number];
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export type CaseSort = (typeof CASE_SORTS)[number];

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year <= 2999 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const isoDate = z.string().refine(isCalendarDate);
// Cursors are opaque to the user but plain text, so a page URL stays readable and bookmarkable.
const cursorText = z.string().regex(/^[0-9A-Za-z:.\-_]{1,80}$/);

/** One schema per URL parameter, so a bad value resets only itself (see parseCaseListParams). */
const FIELDS = {
  q: z.string().trim().max(MAX_QUERY_LENGTH),
  status: z.enum(STATUS_FILTERS),
  from: isoDate,
  to: isoDate,
  company: z.uuid(),
  sort: z.enum(CASE_SORTS),
  after: cursorText,
  before: cursorText,
  page: z.coerce.number().int().min(1).max(1_000_000),
} as const;

export type CaseListField = keyof typeof FIELDS;

export const caseListParamsSchema = z.object({
  q: FIELDS.q.default(''),
  status: FIELDS.status.default('all'),
  from: FIELDS.from.optional(),
  to: FIELDS.to.optional(),
  company: FIELDS.company.optional(),
  sort: FIELDS.sort.default('registered-desc'),
  after: FIELDS.after.optional(),
  before: FIELDS.before.optional(),
  page: FIELDS.page.default(1),
});

export type CaseListParams = z.infer<typeof caseListParamsSchema>;
export type RawSearchParams = Record<string, string | string[] | undefined>;

export const DEFAULT_PARAMS: CaseListParams = caseListParamsSchema.parse({});

/**
 * Reads the list's URL query. Empty values mean "not set"; a value that fails its schema falls back to the
 * default and is reported in `invalid`, so a hand-edited or stale URL shows the list with a notice, never a 500.
 */
export function parseCaseListParams(raw: RawSearchParams): { params: CaseListParams; invalid: CaseListField[] } {
  const invalid: CaseListField[] = [];
  const picked: Record<string, unknown> = {};
  for (const field of Object.keys(FIELDS) as CaseListField[]) {
    const value = Array.isArray(raw[field]) ? raw[field][0] : raw[field];
    if (value === undefined || value.trim() === '') continue;
    const parsed = FIELDS[field].safeParse(value);
    if (parsed.success) picked[field] = parsed.data;
    else invalid.push(field);
  }
  const params = caseListParamsSchema.parse(picked);
  if (params.from && params.to && params.from > params.to) {
    invalid.push('from', 'to');
    params.from = undefined;
    params.to = undefined;
  }
  if (params.after && params.before) params.before = undefined;
  for (const field of ['after', 'before'] as const) {
    const cursor = params[field];
    if (cursor && !decodeCursor(params.sort, cursor)) {
      invalid.push(field);
      params[field] = undefined;
    }
  }
  // A page number only means something together with the cursor that leads to it.
  if (!params.after && !params.before) params.page = 1;
  return { params, invalid };
}

export type Cursor =
  | { kind: 'registered'; registeredAt: string; id: string }
  | { kind: 'amount'; amountOre: number; id: string }
  | { kind: 'number'; caseNumber: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function sortKind(sort: CaseSort): Cursor['kind'] {
  if (sort.startsWith('registered')) return 'registered';
  return sort.startsWith('amount') ? 'amount' : 'number';
}

/** The cursor text of a row: where the next (or previous) page starts. */
export function encodeCursor(cursor: Cursor): string {
  if (cursor.kind === 'registered') return `${cursor.registeredAt}_${cursor.id}`;
  if (cursor.kind === 'amount') return `${cursor.amountOre}_${cursor.id}`;
  return String(cursor.caseNumber);
}

/** Reads a cursor for `sort`; null when it does not fit (a cursor from another sort order starts at page 1). */
export function decodeCursor(sort: CaseSort, text: string): Cursor | null {
  const kind = sortKind(sort);
  if (kind === 'number') return /^\d{1,15}$/.test(text) ? { kind, caseNumber: Number(text) } : null;
  const split = text.lastIndexOf('_');
  const head = text.slice(0, split);
  const id = text.slice(split + 1);
  if (split < 1 || !UUID.test(id)) return null;
  if (kind === 'registered') return INSTANT.test(head) ? { kind, registeredAt: head, id } : null;
  return /^-?\d{1,15}$/.test(head) ? { kind, amountOre: Number(head), id } : null;
}

/** Notices another request sends the list (the export redirects here when a list is too large to export). */
export const LIST_NOTICES = ['exportTooLarge'] as const;
export type ListNotice = (typeof LIST_NOTICES)[number];

export function parseNotice(raw: RawSearchParams): ListNotice | null {
  const value = Array.isArray(raw.notice) ? raw.notice[0] : raw.notice;
  const parsed = z.enum(LIST_NOTICES).safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Where counting stops for these filters (the list says "more than" the cap past it). */
export function countCap(params: Pick<CaseListParams, 'q'>): number {
  return params.q ? SEARCH_COUNT_CAP : COUNT_CAP;
}
