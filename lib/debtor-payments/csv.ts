import { isIsoDate } from '@/lib/dates';
import { parseKroner } from '@/lib/money';
import type { IncomingPayment } from './parsed';
import { MAX_AMOUNT_ORE } from '@/lib/payments/amount';

export type LineError = { line: number; reason: string };
export type ParsedFile = { payments: (IncomingPayment & { line: number })[]; errors: LineError[] };

const MAX_BYTES = 2_000_000;

/** The bank file must be text: valid UTF-8 (or plain ASCII) without NUL bytes. */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes.length > MAX_BYTES || bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

function toIsoDate(value: string): string | null {
  const trimmed = value.trim();
  const norwegian = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(trimmed);
  const iso = norwegian ? `${norwegian[3]}-${norwegian[2]}-${norwegian[1]}` : trimmed;
  return isIsoDate(iso) ? iso : null;
}

function splitLine(line: string): string[] {
  const separator = line.includes(';') ? ';' : ',';
  return line.split(separator).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

/**
 * A bank CSV of (date, KID, amount in kroner, payer, bank reference), separated by ';' or ','; an optional header
 * line is skipped. Every line is checked; each bad one is reported with its number and the reason's message key.
 * An unknown KID is not an error here: such a payment is kept in the unmatched list.
 */
export function parsePaymentsCsv(text: string, today: string): ParsedFile {
  const payments: ParsedFile['payments'] = [];
  const errors: LineError[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const cells = splitLine(raw);
    if (index === 0 && !toIsoDate(cells[0] ?? '') && /[a-zæøå]/i.test(cells[0] ?? '')) return; // header
    if (cells.length !== 5) return errors.push({ line, reason: 'debtorPayments.import.columns' });
    const [dateCell, kid, amountCell, payer, bankReference] = cells as [string, string, string, string, string];
    const paidOn = toIsoDate(dateCell);
    if (!paidOn) return errors.push({ line, reason: 'debtorPayments.import.dateInvalid' });
    if (paidOn > today) return errors.push({ line, reason: 'debtorPayments.import.dateFuture' });
    if (!/^\d{2,25}$/.test(kid)) return errors.push({ line, reason: 'debtorPayments.import.kidInvalid' });
    if (/^-/.test(amountCell)) return errors.push({ line, reason: 'debtorPayments.import.amountNotPositive' });
    const amountOre = parseKroner(amountCell, 'nb');
    if (amountOre === null) return errors.push({ line, reason: 'debtorPayments.import.amountInvalid' });
    if (amountOre <= 0) return errors.push({ line, reason: 'debtorPayments.import.amountNotPositive' });
    if (amountOre > MAX_AMOUNT_ORE) return errors.push({ line, reason: 'debtorPayments.import.amountTooLarge' });
    if (bankReference === '' || bankReference.length > 60) return errors.push({ line, reason: 'debtorPayments.import.referenceMissing' });
    if (seen.has(bankReference)) return errors.push({ line, reason: 'debtorPayments.import.referenceRepeated' });
    seen.add(bankReference);
    payments.push({ line, paidOn, kid, amountOre, payer: payer.slice(0, 200), bankReference });
  });
  return { payments, errors };
}
