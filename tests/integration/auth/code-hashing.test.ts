import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { recoveryCodes, secondFactors, smsCodes } from '@/db/schema';
import { consumeRecoveryCode, replaceRecoveryCodes } from '@/lib/auth/recovery-codes';
import { checkSmsCode, createSmsCode } from '@/lib/auth/sms-codes';
import { makeUser } from '@/tests/helpers/factories';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * What a database dump shows an attacker: nothing that a search over all codes could match without the server's
 * pepper, and no two stored codes alike (a per-code salt). ASVS 2.6.2; issue 22, Medium 6.
 */
describe('short codes at rest', () => {
  it('stores recovery codes salted and peppered: no bare SHA-256, every row different, still usable once', async () => {
    const user = await makeUser(db);
    const codes = await replaceRecoveryCodes(db, user.id);
    const rows = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(rows).toHaveLength(codes.length);
    for (const code of codes) {
      expect(rows.some((row) => row.codeHash === sha256(code))).toBe(false);
      expect(rows.some((row) => row.codeHash.includes(code))).toBe(false);
    }
    // A salt of its own: the stored value cannot be recomputed from the code alone, with or without the salt.
    for (const row of rows) {
      const [, salt] = row.codeHash.split('$');
      expect(salt?.length ?? 0).toBeGreaterThanOrEqual(22);
      expect(
        codes.some((code) =>
          row.codeHash.endsWith(
            createHash('sha256')
              .update(Buffer.from(salt ?? '', 'base64url'))
              .update(code)
              .digest('base64url'),
          ),
        ),
      ).toBe(false);
    }
    expect(new Set(rows.map((row) => row.codeHash.split('$')[1])).size).toBe(rows.length);
    const now = new Date();
    await expect(consumeRecoveryCode(db, user.id, codes[4] ?? '', now)).resolves.toBe(true);
    await expect(consumeRecoveryCode(db, user.id, codes[4] ?? '', now)).resolves.toBe(false);
  });

  it('still accepts a recovery code stored by the old scheme (bare SHA-256) until it is used', async () => {
    const user = await makeUser(db);
    await db.insert(recoveryCodes).values({ userId: user.id, codeHash: sha256('abcde-fghjk') });
    await expect(consumeRecoveryCode(db, user.id, 'ABCDE FGHJK', new Date())).resolves.toBe(true);
    await expect(consumeRecoveryCode(db, user.id, 'abcde-fghjk', new Date())).resolves.toBe(false);
  });

  it('stores SMS codes salted and peppered too; the same code twice is stored differently', async () => {
    const user = await makeUser(db);
    await db.insert(secondFactors).values({ userId: user.id, method: 'sms', phone: '+4791234567', confirmedAt: new Date() });
    const now = new Date();
    const first = await createSmsCode(db, user.id, 'setup', '+4791234567', now);
    const second = await createSmsCode(db, user.id, 'sign_in', '+4791234567', now);
    const rows = await db.select().from(smsCodes).where(eq(smsCodes.userId, user.id));
    expect(rows.map((row) => row.codeHash)).not.toContain(sha256(first));
    expect(rows.map((row) => row.codeHash)).not.toContain(sha256(second));
    expect(rows[0]?.codeHash).not.toBe(rows[1]?.codeHash);
    await expect(checkSmsCode(db, user.id, 'setup', first, now)).resolves.toEqual({ result: 'ok', phone: '+4791234567' });
  });

  it('does not accept an SMS code stored by the old scheme (five-minute codes: a resend replaces it)', async () => {
    const user = await makeUser(db);
    const now = new Date();
    await db.insert(smsCodes).values({
      userId: user.id,
      purpose: 'sign_in',
      phone: '+4791234567',
      codeHash: sha256('123456'),
      expiresAt: new Date(now.getTime() + 60_000),
    });
    await expect(checkSmsCode(db, user.id, 'sign_in', '123456', now)).resolves.toEqual({ result: 'invalid' });
  });
});
