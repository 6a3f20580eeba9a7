import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { outbox, users } from '@/db/schema';
import type { StaffActor } from '@/lib/auth/gate/checks';
import type { Role } from '@/lib/roles';
import { makeCase } from './case-factories';
import { makeCompany, makeUser } from './factories';

/** An agency case handler (the staff flag set as the agency's own tooling does) and the actor the desk passes. */
export async function makeStaff(db: Executor, locale: 'nb' | 'en' = 'nb') {
  const user = await makeUser(db, { name: 'Saksbehandler Test', locale });
  await db.update(users).set({ isAgencyStaff: true }).where(eq(users.id, user.id));
  const staff: StaffActor = { userId: user.id, name: user.name, staff: true };
  return { user, staff };
}

/** A company with one user per given role and one case. */
export async function makeCompanyWithCase(db: Executor, roles: Role[] = ['read', 'write', 'admin'], locale: 'nb' | 'en' = 'nb') {
  const company = await makeCompany(db);
  const members = [];
  for (const role of roles) {
    const user = await makeUser(db, { memberships: [{ companyId: company.id, role }], locale });
    members.push({ role, user, actor: { userId: user.id, companyId: company.id, role } });
  }
  const debtCase = await makeCase(db, { companyId: company.id });
  return { company, members, debtCase };
}

export async function emailsTo(db: Executor, recipient: string) {
  return db.select().from(outbox).where(eq(outbox.recipient, recipient)).orderBy(outbox.createdAt);
}
