import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { outbox } from '@/db/schema';
import type { Role } from '@/lib/roles';
import type { EmailSender, OutgoingEmail } from '@/lib/email/sender';
import { makeCompany, makeUser } from './factories';

/** Fresh companies of our own (demo data untouched) and a user who is Administrator in all of them. */
export async function makeAdminWithCompanies(db: Executor, count = 1, options: { locale?: 'nb' | 'en'; name?: string } = {}) {
  const companies: Awaited<ReturnType<typeof makeCompany>>[] = [];
  for (let i = 0; i < count; i++) companies.push(await makeCompany(db));
  const admin = await makeUser(db, { ...options, memberships: companies.map((c) => ({ companyId: c.id, role: 'admin' as const })) });
  return { companies, admin, actor: (companyId = companies[0]?.id ?? '') => ({ userId: admin.id, companyId, role: 'admin' as Role }) };
}

/** The token in an invitation email's link (the database only holds its hash). */
export function tokenFromEmail(bodyText: string): string {
  const match = /\/invitation\/([A-Za-z0-9_-]{43})/.exec(bodyText);
  if (!match?.[1]) throw new Error('no invitation link in the email');
  return match[1];
}

export async function outboxRow(db: Executor, id: string) {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  if (!row) throw new Error(`outbox row ${id} not found`);
  return row;
}

/**
 * The one fake the rules allow: the provider beyond our network. Like Resend, it accepts a repeated
 * idempotency key without delivering again; `failures` makes the first attempts throw.
 */
export function fakeEmailSender(options: { failures?: number } = {}) {
  const attempts: OutgoingEmail[] = [];
  const delivered: OutgoingEmail[] = [];
  let failuresLeft = options.failures ?? 0;
  const sender: EmailSender = {
    async send(email) {
      attempts.push(email);
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new Error('provider unavailable');
      }
      if (!delivered.some((d) => d.idempotencyKey === email.idempotencyKey)) delivered.push(email);
      return { providerMessageId: `fake-${email.idempotencyKey}` };
    },
  };
  return { sender, attempts, delivered };
}
