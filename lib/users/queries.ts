import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { db } from '@/db';
import { memberships, users } from '@/db/schema';

/** The company's users with their role there; never password hashes or factors, never the agency's staff. */
export async function listCompanyMembers(companyId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: memberships.role, lastSignInAt: users.lastSignInAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.companyId, companyId), isNull(users.deletedAt), eq(users.isAgencyStaff, false)))
    .orderBy(asc(users.name), asc(users.email))
    .limit(1000);
}

/** A member of `companyId` for the edit dialog (never agency staff), with their memberships in `administered`. */
export async function getMemberForEdit(companyId: string, userId: string, administered: string[]) {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.companyId, companyId)))
    .where(and(eq(users.id, userId), isNull(users.deletedAt), eq(users.isAgencyStaff, false)));
  if (!user) return null;
  const rows = await db
    .select({ companyId: memberships.companyId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return { ...user, memberships: rows.filter((m) => administered.includes(m.companyId)) };
}

export async function getProfile(userId: string) {
  const [row] = await db.select({ name: users.name, email: users.email, phone: users.phone }).from(users).where(eq(users.id, userId));
  return row ?? null;
}
