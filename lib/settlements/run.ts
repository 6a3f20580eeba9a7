import { and, asc, count, desc, eq, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { enqueueWebhooks } from '@/lib/events/webhooks';
import { cases, companies, debtors, invoices, ledgerEntries, remittanceItems, remittanceLines, remittanceSlips } from '@/db/schema';
import { buildSlipLines, type SettledEntry } from './lines';
import { enqueueSlipEmail } from '@/lib/settlements/email/slip-email';

export type SettlementResult =
  | { outcome: 'created'; slipId: string; lineCount: number; outboxId: string | null }
  | { outcome: 'exists'; slipId: string }
  | { outcome: 'nothing' };

/** Payment rows of the company up to the cut-off that no slip has settled yet (credits stay on the case). */
async function unsettledEntries(tx: Tx, companyId: string, periodEndOn: string) {
  return tx
    .select({
      id: ledgerEntries.id,
      caseId: ledgerEntries.caseId,
      covers: ledgerEntries.covers,
      amountOre: ledgerEntries.amountOre,
      debtorPaymentId: ledgerEntries.debtorPaymentId,
    })
    .from(ledgerEntries)
    .leftJoin(remittanceItems, eq(remittanceItems.ledgerEntryId, ledgerEntries.id))
    .where(
      and(
        eq(ledgerEntries.companyId, companyId),
        eq(ledgerEntries.kind, 'payment'),
        lte(ledgerEntries.bookedOn, periodEndOn),
        or(isNull(ledgerEntries.covers), ne(ledgerEntries.covers, 'credit')),
        isNull(remittanceItems.ledgerEntryId),
      ),
    );
}

async function caseDetails(tx: Tx, companyId: string, caseIds: string[]) {
  if (caseIds.length === 0)
    return new Map<string, { caseNumber: number; customerNumber: string; debtorName: string; invoiceNumber: string }>();
  const rows = await tx
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      customerNumber: debtors.customerNumber,
      debtorName: debtors.name,
      invoiceNumber: sql<string>`(select ${invoices.invoiceNumber} from ${invoices} where ${invoices.caseId} = ${cases.id}
        order by ${invoices.issuedOn}, ${invoices.invoiceNumber} limit 1)`,
    })
    .from(cases)
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .where(and(eq(cases.companyId, companyId), inArray(cases.id, caseIds)));
  return new Map(rows.map((row) => [row.id, { ...row, invoiceNumber: row.invoiceNumber ?? '' }]));
}

/**
 * The settlement run for one company and cut-off date: gathers every payment row not yet settled and writes one
 * slip with its lines. Idempotent and safe with two workers: the company row is locked so runs queue up, a slip
 * already made for the cut-off is returned as is, and the unique (company, cut-off) and ledger-entry keys make a
 * second slip or a second settlement of a payment impossible even if the code were wrong.
 */
export async function runSettlement(tx: Tx, companyId: string, periodEndOn: string, now = new Date()): Promise<SettlementResult> {
  const [company] = await tx
    .select({
      id: companies.id,
      name: companies.name,
      payoutAccountNumber: companies.payoutAccountNumber,
      settlementEmail: companies.settlementEmail,
      settlementEmailLocale: companies.settlementEmailLocale,
      vatRegistered: companies.vatRegistered,
    })
    .from(companies)
    .where(eq(companies.id, companyId))
    .for('update');
  if (!company) return { outcome: 'nothing' };
  const [existing] = await tx
    .select({ id: remittanceSlips.id })
    .from(remittanceSlips)
    .where(and(eq(remittanceSlips.companyId, companyId), eq(remittanceSlips.periodEndOn, periodEndOn)));
  if (existing) return { outcome: 'exists', slipId: existing.id };

  const entries = await unsettledEntries(tx, companyId, periodEndOn);
  if (entries.length === 0) return { outcome: 'nothing' };
  const settled: SettledEntry[] = entries.map((e) => ({
    caseId: e.caseId,
    covers: e.covers === 'credit' ? null : e.covers,
    amountOre: -e.amountOre,
    direct: e.debtorPaymentId === null,
  }));
  // What the previous slip could not pay (≤ 0) is set against this one.
  const [previousSlip] = await tx
    .select({ carriedOutOre: remittanceSlips.carriedOutOre })
    .from(remittanceSlips)
    .where(eq(remittanceSlips.companyId, companyId))
    .orderBy(desc(remittanceSlips.periodEndOn))
    .limit(1);
  const { lines, totals } = buildSlipLines(settled, {
    vatRegistered: company.vatRegistered,
    carriedInOre: previousSlip?.carriedOutOre ?? 0,
  });
  // Only the creditor's own (direct) payments: nothing is paid out, so no slip of 0 cases and kr 0. They stay
  // unsettled and are listed on the next slip that pays something.
  if (totals.caseCount === 0) return { outcome: 'nothing' };
  const [{ value: previous } = { value: 0 }] = await tx
    .select({ value: count() })
    .from(remittanceSlips)
    .where(eq(remittanceSlips.companyId, companyId));
  const sequence = previous + 1;
  const slipNumber = `${periodEndOn.slice(0, 4)}-${String(sequence).padStart(4, '0')}`;
  const [slip] = await tx
    .insert(remittanceSlips)
    .values({
      companyId,
      slipNumber,
      settledOn: periodEndOn,
      periodEndOn,
      payoutAccountNumber: company.payoutAccountNumber,
      bankReference: `${periodEndOn.replace(/-/g, '')}${String(sequence).padStart(5, '0')}`,
      ...totals,
      createdAt: now,
    })
    .returning({ id: remittanceSlips.id });
  if (!slip) throw new Error('slip insert returned nothing');
  const details = await caseDetails(tx, companyId, [...new Set(lines.map((l) => l.caseId))]);
  await tx.insert(remittanceLines).values(
    lines.map((line) => {
      const detail = details.get(line.caseId);
      return {
        ...line,
        companyId,
        slipId: slip.id,
        caseNumber: detail?.caseNumber ?? 0,
        invoiceNumber: detail?.invoiceNumber ?? '',
        customerNumber: detail?.customerNumber ?? '',
        debtorName: detail?.debtorName ?? '',
      };
    }),
  );
  await tx.insert(remittanceItems).values(entries.map((e) => ({ ledgerEntryId: e.id, companyId, slipId: slip.id })));
  // Same transaction as the slip: the email exists exactly when the slip does (the caller dispatches after commit).
  // A slip that pays nothing out (its balance carried to the next) is not mailed as a payout; Rapporter lists it.
  const outboxId =
    totals.netOre === 0
      ? null
      : await enqueueSlipEmail(tx, company, {
          id: slip.id,
          slipNumber,
          settledOn: periodEndOn,
          netOre: totals.netOre,
          caseCount: totals.caseCount,
        });
  // AutoCollect companies' endpoints hear of it (GET /api/v1/settlements has the lines).
  await enqueueWebhooks(tx, [
    {
      id: slip.id,
      companyId,
      type: 'settlement.created',
      occurredAt: now,
      data: { slipNumber, settledOn: periodEndOn, netOre: totals.netOre, lineCount: lines.length },
    },
  ]);
  return { outcome: 'created', slipId: slip.id, lineCount: lines.length, outboxId };
}

/** Companies whose scheduled run falls on the given ISO weekday (1 = Monday). */
export async function companiesSettlingOn(tx: Tx, isoWeekday: number) {
  const rows = await tx
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.settlementWeekday, isoWeekday))
    .orderBy(asc(companies.name));
  return rows.map((row) => row.id);
}
