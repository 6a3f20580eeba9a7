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
