/** Outcomes an action reports after redirecting back to the users page (?notice=…); each has a message. */
export const USER_NOTICES = ['invited', 'invitedMany', 'saved', 'deleted', 'resent', 'revoked'] as const;
export type UserNotice = (typeof USER_NOTICES)[number];

export function parseNotice(value: unknown): UserNotice | null {
  return typeof value === 'string' && (USER_NOTICES as readonly string[]).includes(value) ? (value as UserNotice) : null;
}

/** The users page for a company, optionally with a notice: where every users action lands. */
export function usersPagePath(locale: string, companyId: string, notice?: UserNotice) {
  return `/${locale}/settings/users?company=${companyId}${notice ? `&notice=${notice}` : ''}`;
}
