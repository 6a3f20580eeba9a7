import { isIsoDate } from '@/lib/dates';
import type { LineError, ParsedFile } from './csv';
import { MAX_AMOUNT_ORE } from '@/lib/payments/amount';

/**
 * Nets "OCR Giro" (service code 09): fixed 80-character records, each starting `NY`. Per payment an amount item 1
 * (record type 30: date, amount in øre, KID right-aligned) and item 2 (31: archive reference), optionally 32
 * (free text); the assignment end record (88) carries the count and the sum, which are checked.
 * Field positions follow the public format description (as used by e.g. the netsgiro library).
 */

export function looksLikeOcr(bytes: Uint8Array): boolean {
  return new TextDecoder('latin1').decode(bytes.subarray(0, 8)) === 'NY000010';
}

function ddmmyy(value: string): string | null {
  if (!/^\d{6}$/.test(value)) return null;
  const iso = `20${value.slice(4, 6)}-${value.slice(2, 4)}-${value.slice(0, 2)}`;
  return isIsoDate(iso) ? iso : null;
}

type Pending = { line: number; transaction: string; paidOn: string; amountOre: number; kid: string; archive: string; payer: string };

export function parseOcrGiro(bytes: Uint8Array, today: string): ParsedFile {
  const text = new TextDecoder('latin1').decode(bytes);
  const payments: ParsedFile['payments'] = [];
  const errors: LineError[] = [];
  let pending: Pending | null = null;
  let declared: { count: number; sum: number; line: number } | null = null;
  let countSeen = 0;
  let sumSeen = 0;
  const flush = () => {
    if (!pending) return;
    const p = pending;
    pending = null;
    if (p.paidOn > today) return errors.push({ line: p.line, reason: 'debtorPayments.import.dateFuture' });
    if (p.amountOre <= 0) return errors.push({ line: p.line, reason: 'debtorPayments.import.amountNotPositive' });
    if (p.amountOre > MAX_AMOUNT_ORE) return errors.push({ line: p.line, reason: 'debtorPayments.import.amountTooLarge' });
    if (!/^\d{2,25}$/.test(p.kid)) return errors.push({ line: p.line, reason: 'debtorPayments.import.kidInvalid' });
    payments.push({
      line: p.line,
      paidOn: p.paidOn,
      kid: p.kid,
      amountOre: p.amountOre,
      payer: p.payer,
      bankReference: `OCR-${p.paidOn}-${p.archive}-${p.transaction}`,
    });
  };
  text.split(/\r?\n/).forEach((record, index) => {
    const line = index + 1;
    if (record.trim() === '') return;
    if (record.length !== 80 || !record.startsWith('NY')) return errors.push({ line, reason: 'debtorPayments.import.ocrRecord' });
    const type = record.slice(6, 8);
    if (type === '30') {
      flush();
      const paidOn = ddmmyy(record.slice(15, 21));
      const amount = record.slice(32, 49);
      if (!paidOn) return errors.push({ line, reason: 'debtorPayments.import.dateInvalid' });
      if (!/^\d{17}$/.test(amount)) return errors.push({ line, reason: 'debtorPayments.import.amountInvalid' });
      const amountOre = Number(amount) * (record[31] === '-' ? -1 : 1);
      countSeen += 1;
      sumSeen += Number(amount);
      pending = { line, transaction: record.slice(8, 15), paidOn, amountOre, kid: record.slice(49, 74).trim(), archive: '', payer: '' };
    } else if (type === '31' && pending) {
      pending.archive = record.slice(25, 34).trim();
      pending.payer = record.slice(47, 58).trim();
    } else if (type === '32' && pending) {
      pending.payer = record.slice(15, 55).trim() || pending.payer;
    } else if (type === '88') {
      flush();
      declared = { count: Number(record.slice(8, 16)), sum: Number(record.slice(24, 41)), line };
    }
  });
  flush();
  const end = declared as { count: number; sum: number; line: number } | null;
  if (!end) errors.push({ line: text.split(/\r?\n/).length, reason: 'debtorPayments.import.ocrTotals' });
  else if (end.count !== countSeen || end.sum !== sumSeen) errors.push({ line: end.line, reason: 'debtorPayments.import.ocrTotals' });
  return { payments, errors };
}
