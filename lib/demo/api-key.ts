import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { hashApiKey } from '@/lib/integrations/keys/keys';
import { DEMO_API_KEY, DEMO_API_KEY_COMPANY_ID } from './accounts';

/** The demo's API key (see DEMO_API_KEY), once; also for a demo database seeded before keys existed. */
export async function ensureDemoApiKey(db: Executor) {
  await db.execute(sql`
    insert into api_keys (company_id, name, prefix, secret_hash)
    select ${DEMO_API_KEY_COMPANY_ID}::uuid, 'Tripletex (demo)', '5eed0002', ${hashApiKey(DEMO_API_KEY)}
    where exists (select 1 from companies where id = ${DEMO_API_KEY_COMPANY_ID}::uuid)
    on conflict (secret_hash) do nothing`);
}
