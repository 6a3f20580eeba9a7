import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { users } from '@/db/schema';
import type { StaffActor } from '@/lib/auth/gate/checks';
import { makeUser } from './factories';

/** An agency case handler (users.is_agency_staff) and the actor the desk's mutations take. */
export async function makeStaff(db: Executor): Promise<StaffActor> {
  const user = await makeUser(db, { memberships: [] });
  await db.update(users).set({ isAgencyStaff: true }).where(eq(users.id, user.id));
  return { userId: user.id, name: 'Saksbehandler', staff: true };
}

export function bankReference(): string {
  return `REF-${randomUUID().slice(0, 12)}`;
}
