import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { beforeEach, describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret } from '@/lib/auth/crypto';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { roleAtLeast } from '@/lib/roles';
import { verifyTotp } from '@/lib/auth/totp';
import { loadEnv } from '@/lib/env';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one; two hashes of one password differ', async () => {
    const hash = await hashPassword('Demo-passord-2026');
    expect(hash.startsWith('scrypt$')).toBe(true);
    await expect(verifyPassword('Demo-passord-2026', hash)).resolves.toBe(true);
    await expect(verifyPassword('demo-passord-2026', hash)).resolves.toBe(false);
    expect(await hashPassword('Demo-passord-2026')).not.toBe(hash);
    // scrypt N=2^17 takes about a second per hash on a busy 2-core machine.
  }, 30_000);
});

describe('secrets at rest', () => {
  it('round-trips, and fails with another key or a tampered ciphertext', () => {
    const key = randomBytes(32);
    const sealed = encryptSecret(SECRET, key);
    expect(sealed).not.toContain(SECRET);
    expect(decryptSecret(sealed, key)).toBe(SECRET);
    expect(() => decryptSecret(sealed, randomBytes(32))).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => decryptSecret(parts.join('.'), key)).toThrow();
  });
});

describe('TOTP', () => {
  // Taken per test: the scrypt tests before these can take several seconds and cross a 30-second step.
  let now = 0;
  let step = 0;
  beforeEach(() => {
    now = Math.floor(Date.now() / 1000);
    step = Math.floor(now / 30);
  });

  it('accepts the current code and one step either side, not two', async () => {
    for (const offset of [-1, 0, 1]) {
      const token = await generate({ secret: SECRET, epoch: now + offset * 30 });
      expect((await verifyTotp(SECRET, token, null)).valid).toBe(true);
    }
    const old = await generate({ secret: SECRET, epoch: now - 90 });
    expect((await verifyTotp(SECRET, old, null)).valid).toBe(false);
  });

  it('refuses a code whose step was already used', async () => {
    const token = await generate({ secret: SECRET, epoch: now });
    const first = await verifyTotp(SECRET, token, null);
    expect(first).toEqual({ valid: true, timeStep: step });
    expect((await verifyTotp(SECRET, token, step)).valid).toBe(false);
  });
});

describe('roles', () => {
  it('orders Lese < Skrive < Administrator', () => {
    expect(roleAtLeast('admin', 'write')).toBe(true);
    expect(roleAtLeast('write', 'write')).toBe(true);
    expect(roleAtLeast('read', 'write')).toBe(false);
    expect(roleAtLeast('write', 'admin')).toBe(false);
  });
});

describe('environment', () => {
  it('refuses a production start on a real database without secrets, naming the variable', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db.example/portal' };
    expect(() => loadEnv(production)).toThrow(/AUTH_SECRET/);
    expect(() => loadEnv({ ...production, AUTH_SECRET: 'x'.repeat(32) })).toThrow(/ENCRYPTION_KEY/);
    const secrets = { AUTH_SECRET: 'x'.repeat(32), ENCRYPTION_KEY: 'ab'.repeat(32) };
    expect(loadEnv({ ...production, ...secrets }).AUTH_SECRET).toBe(secrets.AUTH_SECRET);
    expect(() => loadEnv({ NODE_ENV: 'production' }), 'embedded production too').toThrow(/AUTH_SECRET/);
  });

  it('takes the agency contact details from configuration, defaulting to the help text', () => {
    const defaults = loadEnv({ AUTH_SECRET: 'x'.repeat(32), ENCRYPTION_KEY: 'ab'.repeat(32) });
    expect([defaults.AGENCY_EMAIL, defaults.AGENCY_PHONE]).toEqual(['hjelp@amili.no', '73 20 61 62']);
    expect(loadEnv({ AUTH_SECRET: 'x'.repeat(32), ENCRYPTION_KEY: 'ab'.repeat(32), AGENCY_EMAIL: 'hjelp@byra.no' }).AGENCY_EMAIL).toBe(
      'hjelp@byra.no',
    );
  });
});
