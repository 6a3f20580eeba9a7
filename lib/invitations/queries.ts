import 'server-only';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import { companies, invitationCompanies, invitations } from '@/db/schema';
import { sha256 } from '@/lib/auth/crypto';
import { INVITATION_TOKEN_PATTERN } from './schemas';
import { invitationState } from './state';

/** Invitations to this company that are neither accepted nor revoked (expired ones too: they can be resent). */
export async function listPendingInvitations(companyId: string) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      isExpired: sql<boolean>`${invitations.expiresAt} <= now()`,
    })
    .from(invitations)
    .innerJoin(invitationCompanies, eq(invitationCompanies.invitationId, invitations.id))
    .where(and(eq(invitationCompanies.companyId, companyId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .orderBy(desc(invitations.createdAt))
    .limit(200);
}

/** What the acceptance page needs about a link: its state and, when valid, who and what it is for. */
export async function getInvitationByToken(token: string) {
  if (!INVITATION_TOKEN_PATTERN.test(token)) return { state: 'unknown' as const, invitation: null };
  const [invitation] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      locale: invitations.locale,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .where(eq(invitations.tokenHash, sha256(token)));
  const companyNames = invitation
    ? (
        await db
          .select({ name: companies.name })
          .from(invitationCompanies)
          .innerJoin(companies, eq(companies.id, invitationCompanies.companyId))
          .where(eq(invitationCompanies.invitationId, invitation.id))
          .orderBy(asc(companies.name))
      ).map((row) => row.name)
    : [];
  const state = invitationState(invitation, companyNames.length);
  return { state, invitation: invitation && state === 'valid' ? { ...invitation, companyNames } : null };
}
