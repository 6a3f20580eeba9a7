export type InvitationState = 'valid' | 'unknown' | 'expired' | 'revoked' | 'accepted';

/** What a link is worth now. A used link stays used even after it would have expired. */
export function invitationState(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | undefined,
  companyCount: number,
  now = new Date(),
): InvitationState {
  if (!invitation) return 'unknown';
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt || companyCount === 0) return 'revoked';
  if (invitation.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

export const INVITATION_STATE_ERRORS = {
  unknown: 'users.errors.invitationInvalid',
  expired: 'users.errors.invitationExpired',
  revoked: 'users.errors.invitationRevoked',
  accepted: 'users.errors.invitationUsed',
} as const;
