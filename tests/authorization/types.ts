import type { Database } from '@/db/client';

/**
 * The authorisation matrix: every exported server action (`lib/**\/actions.ts`) and route handler
 * (`app/**\/route.ts`) has one row, in `tests/authorization/rows/<feature>.ts`. The runner calls each row as every
 * principal over HTTP against the built portal and asserts the outcome its `needs` implies; a refused call must
 * change no row, an allowed write must change one. A new action or route without a row fails the test.
 */

/** Who calls. Each cell gets a fresh fixture, so an allowed call never spoils the next. */
export type SessionPrincipal = 'anonymous' | 'pendingSecondFactor' | 'read' | 'write' | 'admin' | 'otherCompanyAdmin' | 'staff';
/**
 * AutoCollect's callers (/api/v1): a live key of company A, a live key of company B, a revoked key of company A.
 * They send `Authorization: Bearer …` and no cookie.
 */
export type ApiKeyPrincipal = 'apiKey' | 'otherCompanyApiKey' | 'revokedApiKey';
/**
 * Min side's debtors (their own cookie, never a creditor session): signed in with BankID as the debtor of company
 * A's case, signed in with that case's letter code, and signed in with BankID as the debtor of another case.
 */
export type DebtorPrincipal = 'debtor' | 'letterCodeDebtor' | 'otherDebtor';
export type Principal = SessionPrincipal | ApiKeyPrincipal | DebtorPrincipal;

/**
 * What a row needs. `public`: anyone (sign-in steps, invitation acceptance). `signedIn`: any signed-in user, for
 * their own account. `read`/`write`/`admin`: that role in the object's company (company A of the fixture).
 * `staff`: agency staff (the desk). `apiKey`: a live API key of company A, for company A's object (another
 * company's key: not found). `apiKeyOwnCompany`: any live key, acting in its own company (POST /invoices).
 * `creditorAccount`: any signed-in account that is not agency staff, for itself (accepting an invitation to a
 * company); staff: not found. `debtor`: Min side, the debtor of the fixture's case (BankID or its letter code); another
 * debtor: not found; anyone without a debtor session (creditors and staff too): Min side's sign-in.
 * `debtorSignedIn`: any signed-in debtor, for what is their own (signing out, their consent to letters in Min side).
 */
export type Needs =
  | 'public'
  | 'signedIn'
  | 'creditorAccount'
  | 'read'
  | 'write'
  | 'admin'
  | 'staff'
  | 'apiKey'
  | 'apiKeyOwnCompany'
  | 'debtor'
  | 'debtorSignedIn';

export type Outcome = 'allowed' | 'signIn' | 'notFound' | 'refused';

/** One cell's world: company A with one user per role and a case, company B with its own admin and case, a staff user. */
export type MatrixFixture = {
  db: Database;
  locale: 'nb';
  companyId: string;
  otherCompanyId: string;
  /** An active case of company A with one invoice (10 000 kr), a fee and a `case.registered` event. */
  caseId: string;
  invoiceId: string;
  /** A case of company B (for rows that take ids from the body). */
  otherCaseId: string;
  users: Record<'read' | 'write' | 'admin' | 'otherCompanyAdmin' | 'staff', { id: string; email: string }>;
  /** The API keys in clear, by principal (company A's, company B's, company A's revoked one). */
  apiKeys: Record<ApiKeyPrincipal, string>;
  /** The fixture case's number and its invoice's number (what /api/v1 names them by). */
  caseNumber: number;
  invoiceNumber: string;
};

/** What one call sends: form fields for a server action, or a request for a route handler. */
export type CallInput = {
  /** Fields of the action's form, as the page's <form> posts them. Repeated fields as arrays. */
  form?: Record<string, string | string[]>;
  /** Route handlers: the path with its query (ids from the fixture filled in). */
  path?: string;
  /** Route handlers: a JSON body (for POST). */
  json?: unknown;
  /** Route handlers: a multipart form body, as a plain <form enctype="multipart/form-data"> posts it (files as bytes). */
  multipart?: Record<string, string | { fileName: string; type: string; bytes: Uint8Array }>;
  /** Route handlers: extra request headers (Idempotency-Key). */
  headers?: Record<string, string>;
};

export type MatrixRow = {
  /** The source file: `lib/cases/actions.ts` or `app/api/cases/export/route.ts`. */
  file: string;
  /** The exported action's name, or the route handler's HTTP method (`GET`, `POST`, …). */
  name: string;
  needs: Needs;
  /** Whether an allowed call changes the database (writes do; downloads and look-ups do not). */
  writes: boolean;
  /**
   * Builds the call for one cell; may insert rows the call refers to (a task, a slip, a draft) first. Gets the
   * cell's principal for objects that belong to one user (a draft is its author's); API-key principals, who
   * have no user, pass as 'anonymous'.
   */
  input: (fx: MatrixFixture, principal: SessionPrincipal) => Promise<CallInput> | CallInput;
  /** Why a row is not called as every principal (Auth.js's own routes): the runner then only checks it is listed. */
  notCalled?: string;
  /**
   * Server actions used on several pages: the page (as the build names it, `app/[locale]/(portal)/settings/security/page`)
   * to post it to, when the others are not open to every principal the row allows.
   */
  page?: string;
};
