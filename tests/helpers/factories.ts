import { randomUUID } from 'node:crypto';
import type { Executor } from '@/db/client';
import { companies, memberships, secondFactors, users } from '@/db/schema';
import { encryptSecret } from '@/lib/auth/crypto';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/roles';
import { newTotpSecret } from '@/lib/auth/totp';
import { makeKid } from '@/lib/norwegian-ids';

export const TEST_PASSWORD = 'Test-passord-2026!';
let passwordHash: Promise<string> | undefined;

/** A valid organisation number (MOD11) from a random 8-digit base. */
function randomOrganisationNumber(): string {
  let organisationNumber: string;
  do organisationNumber = makeKid(String(10_000_000 + Math.floor(Math.random() * 89_999_999)), 'mod11');
  while (organisationNumber.endsWith('-'));
  return organisationNumber;
}

/**
 * A company with a random valid organisation number. The numbers are unique in the database: with a couple of
 * thousand companies in one e2e database a random one repeats now and then, so a taken number draws again.
 */
export async function makeCompany(db: Executor, overrides: Partial<typeof companies.$inferInsert> = {}) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const organisationNumber = randomOrganisationNumber();
    const [company] = await db
      .insert(companies)
      .values({ name: `Testfirma ${organisationNumber} AS`, organisationNumber, payoutAccountNumber: '86011117947', ...overrides })
      .onConflictDoNothing({ target: companies.organisationNumber })
      .returning();
    if (company) return company;
    if (overrides.organisationNumber) break;
  }
  throw new Error('company insert failed');
}

/** A user with a confirmed TOTP factor of its own and the given memberships. */
export async function makeUser(
  db: Executor,
  options: { memberships?: { companyId: string; role: Role }[]; locale?: 'nb' | 'en'; name?: string } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const totpSecret = newTotpSecret();
  const email = `user-${randomUUID().slice(0, 8)}@test.no`;
  const [user] = await db
    .insert(users)
    .values({ email, name: options.name ?? `Test ${email.slice(5, 13)}`, passwordHash: await passwordHash, locale: options.locale ?? 'nb' })
    .returning();
  if (!user) throw new Error('user insert failed');
  await db
    .insert(secondFactors)
    .values({ userId: user.id, method: 'totp', secretEncrypted: encryptSecret(totpSecret), confirmedAt: new Date() });
  if (options.memberships?.length) {
    await db.insert(memberships).values(options.memberships.map((m) => ({ userId: user.id, ...m })));
  }
  return { ...user, password: TEST_PASSWORD, totpSecret };
}
