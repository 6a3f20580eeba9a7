import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { cases } from '@/db/schema';
import type { DraftCustomer, DraftInvoice } from '@/db/schema/invoice-drafts';
import { formatOreNumber, type MoneyLocale } from '@/lib/money';

/** A saved customer as the step 1 fields' initial values. */
export function customerValues(customer: DraftCustomer, companyId: string): Record<string, string> {
  return Object.fromEntries([...Object.entries(customer).map(([key, value]) => [key, value ?? '']), ['companyId', companyId]]);
}

/** A submitted invoice as the step 2 fields' initial values, the amount typed the page's way. */
export function invoiceValues(invoice: DraftInvoice | null, locale: MoneyLocale): Record<string, string> {
  if (!invoice) return {};
  return {
    invoiceNumber: invoice.invoiceNumber,
    issuedOn: invoice.issuedOn,
    dueOn: invoice.dueOn,
    amount: formatOreNumber(invoice.amountOre, locale),
    currency: invoice.currency,
    description: invoice.description ?? '',
  };
}

export async function getCaseNumber(companyId: string, caseId: string): Promise<number | null> {
  const [row] = await db
    .select({ caseNumber: cases.caseNumber })
    .from(cases)
    .where(and(eq(cases.companyId, companyId), eq(cases.id, caseId)));
  return row?.caseNumber ?? null;
}
