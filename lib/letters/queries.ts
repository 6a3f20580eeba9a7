import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { letters } from '@/db/schema';

/** One letter of the company's case, or null (another company's letter is simply not found). */
export async function getLetter(companyId: string, caseId: string, letterId: string) {
  const [row] = await db
    .select()
    .from(letters)
    .where(and(eq(letters.companyId, companyId), eq(letters.caseId, caseId), eq(letters.id, letterId)));
  return row ?? null;
}
