import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { db } from '@/db';
import { apiKeys, companies } from '@/db/schema';

export type ApiKeyListItem = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedAddress: string | null;
};

/** Integrasjoner: the company's keys, newest first (never the hash). */
export async function listApiKeys(companyId: string): Promise<ApiKeyListItem[]> {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
      lastUsedAddress: apiKeys.lastUsedAddress,
    })
    .from(apiKeys)
    .where(eq(apiKeys.companyId, companyId))
    .orderBy(desc(apiKeys.createdAt))
    .limit(100);
}

export async function getAutocollectEnabled(companyId: string): Promise<boolean> {
  const [row] = await db.select({ autocollect: companies.autocollectEnabled }).from(companies).where(eq(companies.id, companyId));
  return row?.autocollect ?? false;
}
