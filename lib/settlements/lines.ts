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
  // Paid out = the lines' net + carriedIn − carriedOut: never below zero (domain.md §5).
  carriedInOre: number;
  carriedOutOre: number;
};

/** The sum of a slip's lines' net (its totals row): what was paid out, before the carries from and to other slips. */
export function linesNetOre(slip: { netOre: number; carriedInOre: number; carriedOutOre: number }): number {
  return slip.netOre - slip.carriedInOre + slip.carriedOutOre;
}

/**
 * The agency's fee and its VAT out of the fees the debtor paid. A VAT-registered creditor is charged 25 % VAT on
 * the fee (and deducts it). For a creditor that is not, the debtor already paid the fee + 25 % (domain.md §5): the
 * fee is the amount without it, the VAT is covered by it, and the creditor is charged nothing.
 */
export function agencyFeeAndVat(
  feePaidOre: number,
  creditorVatRegistered: boolean,
): { agencyFeeOre: number; vatOre: number; chargedOre: number } {
  if (creditorVatRegistered) {
    const vatOre = vatOnAgencyFeeOre(feePaidOre);
    return { agencyFeeOre: feePaidOre, vatOre, chargedOre: vatOre };
  }
  const vatOre = Math.floor((feePaidOre * 20 + 50) / 100); // 1/5 of a VAT-inclusive amount, half up
  return { agencyFeeOre: feePaidOre - vatOre, vatOre, chargedOre: 0 };
}

/**
 * Per case: principal and interest go to the creditor, fees stay with the agency, and the agency's VAT on its
 * fee is charged to a VAT-registered creditor, so net = principal + interest − VAT (see agencyFeeAndVat). Direct
 * payments (the creditor's own) get a separate informational line per case with no money moving (net 0). A total
 * below zero (a part-payment that covered only fees) pays nothing: it is carried to the next slip, with what the
 * previous slip carried (`carriedInOre`, ≤ 0). Pure, so a slip's lines and totals agree.
 */
export function buildSlipLines(
  entries: SettledEntry[],
  creditor: { vatRegistered: boolean; carriedInOre: number } = { vatRegistered: true, carriedInOre: 0 },
): { lines: SlipLine[]; totals: SlipTotals } {
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
    const { agencyFeeOre, vatOre, chargedOre } = agencyFeeAndVat(sums.fee, creditor.vatRegistered);
    lines.push({
      caseId,
      principalOre: sums.principal,
      interestOre: sums.interest,
      agencyFeeOre,
      vatOre,
      netOre: sums.principal + sums.interest - chargedOre,
      isDirectPayment: false,
    });
  }
  for (const [caseId, amountOre] of direct) {
    lines.push({ caseId, principalOre: amountOre, interestOre: 0, agencyFeeOre: 0, vatOre: 0, netOre: 0, isDirectPayment: true });
  }
  const paid = lines.filter((line) => !line.isDirectPayment);
  const sum = (pick: (line: SlipLine) => number, from = paid) => from.reduce((total, line) => total + pick(line), 0);
  const balance = sum((l) => l.netOre) + creditor.carriedInOre;
  return {
    lines,
    totals: {
      caseCount: paid.length,
      principalOre: sum((l) => l.principalOre),
      interestOre: sum((l) => l.interestOre),
      agencyFeeOre: sum((l) => l.agencyFeeOre),
      vatOre: sum((l) => l.vatOre),
      netOre: Math.max(0, balance),
      // What the debtors paid: for a creditor that is not VAT-registered the fee paid includes its VAT.
      grossOre: sum((l) => l.principalOre + l.interestOre + l.agencyFeeOre + (creditor.vatRegistered ? 0 : l.vatOre)),
      directPaymentsOre: sum(
        (l) => l.principalOre,
        lines.filter((l) => l.isDirectPayment),
      ),
      carriedInOre: creditor.carriedInOre,
      carriedOutOre: Math.min(0, balance),
    },
  };
}
