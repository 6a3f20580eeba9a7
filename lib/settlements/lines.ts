import { vatOnAgencyFeeOre } from '@/lib/allocation/allocate';

/** One settled ledger row, as the run reads it (amounts positive: what the debtor or creditor paid). */
export type SettledEntry = { caseId: string; covers: 'principal' | 'interest' | 'fee' | null; amountOre: number; direct: boolean };
export type SlipLine = {
  caseId: string;
  principalOre: number;
  interestOre: number;
  agencyFeeOre: number;
  vatOre: number;
  netOre: number;
  isDirectPayment: boolean;
};
export type SlipTotals = {
  caseCount: number;
  grossOre: number;
  principalOre: number;
  interestOre: number;
  agencyFeeOre: number;
  vatOre: number;
  netOre: number;
  directPaymentsOre: number;
};

/**
 * Per case: principal and interest go to the creditor, fees stay with the agency, and the agency's VAT on its
 * fee is charged to the creditor, so net = principal + interest − VAT. Direct payments (the creditor's own) get a
 * separate informational line per case with no money moving (net 0). Pure, so a slip's lines and totals agree.
 */
export function buildSlipLines(entries: SettledEntry[]): { lines: SlipLine[]; totals: SlipTotals } {
  const collected = new Map<string, { principal: number; interest: number; fee: number }>();
  const direct = new Map<string, number>();
  for (const entry of entries) {
    if (entry.direct) {
      direct.set(entry.caseId, (direct.get(entry.caseId) ?? 0) + entry.amountOre);
      continue;
    }
    const sums = collected.get(entry.caseId) ?? { principal: 0, interest: 0, fee: 0 };
    sums[entry.covers ?? 'principal'] += entry.amountOre;
    collected.set(entry.caseId, sums);
  }
  const lines: SlipLine[] = [];
  for (const [caseId, sums] of collected) {
    const vatOre = vatOnAgencyFeeOre(sums.fee);
    lines.push({ caseId, principalOre: sums.principal, interestOre: sums.interest, agencyFeeOre: sums.fee, vatOre, netOre: sums.principal + sums.interest - vatOre, isDirectPayment: false });
  }
  for (const [caseId, amountOre] of direct) {
    lines.push({ caseId, principalOre: amountOre, interestOre: 0, agencyFeeOre: 0, vatOre: 0, netOre: 0, isDirectPayment: true });
  }
  const paid = lines.filter((line) => !line.isDirectPayment);
  const sum = (pick: (line: SlipLine) => number, from = paid) => from.reduce((total, line) => total + pick(line), 0);
  return {
    lines,
    totals: {
      caseCount: paid.length,
      principalOre: sum((l) => l.principalOre),
      interestOre: sum((l) => l.interestOre),
      agencyFeeOre: sum((l) => l.agencyFeeOre),
      vatOre: sum((l) => l.vatOre),
      netOre: sum((l) => l.netOre),
      grossOre: sum((l) => l.principalOre + l.interestOre + l.agencyFeeOre),
      directPaymentsOre: sum((l) => l.principalOre, lines.filter((l) => l.isDirectPayment)),
    },
  };
}
