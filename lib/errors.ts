/** An expected business refusal; its message is a translation key shown to the user. */
export class DomainError extends Error {
  constructor(public readonly messageKey: string) {
    super(messageKey);
    this.name = 'DomainError';
  }
}

/** The user is signed in and a member, but their role is too low (route handlers answer 403). */
export class NotAllowedError extends DomainError {
  constructor() {
    super('common.errors.notAllowed');
    this.name = 'NotAllowedError';
  }
}

/** A unique-index violation from postgres.js, possibly wrapped by drizzle in `cause`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const pgError = current as Error & { code?: string; constraint_name?: string };
    if (pgError.code === '23505' && pgError.constraint_name === constraint) return true;
  }
  return false;
}
