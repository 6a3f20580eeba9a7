import type { Database } from '@/db/client';
import type { StaffActor } from '@/lib/auth/gate/checks';
import { decodeText, parsePaymentsCsv, type LineError } from './csv';
import { receiveDebtorPayment, type ReceiveResult } from './mutations';
import { looksLikeOcr, parseOcrGiro } from './ocr';

/** A bank file larger than this is refused before it is read: a day's OCR file for the agency is far smaller. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type ImportOutcome =
  | { status: 'tooLarge' }
  | { status: 'notText' }
  | { status: 'empty' }
  | { status: 'refused'; errors: LineError[]; validCount: number }
  | { status: 'imported'; errors: LineError[]; results: (ReceiveResult & { line: number })[] };

/**
 * Imports a bank CSV or a Nets OCR giro file. A file with bad lines is refused whole (with every line number and reason) unless the case
 * handler chose to import the valid lines; the valid lines then go in one transaction, so nothing is half-imported.
 */
export async function importPaymentsFile(
  db: Database,
  staff: StaffActor | null,
  bytes: Uint8Array,
  options: { importValidLines: boolean; today: string; now?: Date },
): Promise<ImportOutcome> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { status: 'tooLarge' };
  const ocr = looksLikeOcr(bytes);
  const text = ocr ? '' : decodeText(bytes);
  if (text === null) return { status: 'notText' };
  const { payments, errors } = ocr ? parseOcrGiro(bytes, options.today) : parsePaymentsCsv(text, options.today);
  const source = ocr ? 'ocr' : 'csv';
  if (payments.length === 0 && errors.length === 0) return { status: 'empty' };
  if (errors.length > 0 && !options.importValidLines) return { status: 'refused', errors, validCount: payments.length };
  const results = await db.transaction(async (tx) => {
    const done: (ReceiveResult & { line: number })[] = [];
    for (const { line, ...payment } of payments)
      done.push({ line, ...(await receiveDebtorPayment(tx, staff, payment, source, options.now)) });
    return done;
  });
  return { status: 'imported', errors, results };
}
