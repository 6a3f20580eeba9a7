import { sql } from 'drizzle-orm';
import { apiKeys, users } from '@/db/schema';

/**
 * The name the history shows for an event's actor, for a query that left-joins `users` on `actor_user_id` and
 * `api_keys` on `actor_api_key_id`: AutoCollect's writes name their key, the agency's case handlers act as the
 * agency (null: the page prints the agency's name), anyone else by name.
 */
export function eventActorName() {
  return sql<
    string | null
  >`case when ${apiKeys.id} is not null then 'AutoCollect (' || ${apiKeys.name} || ')' when ${users.isAgencyStaff} then null else ${users.name} end`;
}
