import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { companies } from '@/db/schema';

/** The company's settlement-report address and its language (the page has already passed the gate). */
export async function getSettlementEmail(companyId: string) {
  const [row] = await db
    .select({ settlementEmail: companies.settlementEmail, settlementEmailLocale: companies.settlementEmailLocale })
    .from(companies)
    .where(eq(companies.id, companyId));
  return row ?? null;
}
