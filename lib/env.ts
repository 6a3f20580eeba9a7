import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// Where the embedded database and the generated demo secrets live (resolved at run time, not traced by the bundler).
export const DATA_DIR = path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.DATA_DIR ?? '.data');

const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  ENCRYPTION_KEY: z.string().regex(/^[0-9a-f]{64}$/i, 'ENCRYPTION_KEY must be 64 hex characters').optional(),
  NODE_ENV: z.string().optional(),
  SEED_DEMO: z.string().optional(),
  AGENCY_NAME: z.string().default('Amili'),
  AGENCY_EMAIL: z.string().email().default('hjelp@amili.no'),
  AGENCY_PHONE: z.string().default('73 20 61 62'),
  AGENCY_ACCOUNT_NUMBER: z.string().regex(/^\d{11}$/).default('86011117947'),
  AGENCY_ORGANISATION_NUMBER: z.string().regex(/^\d{9}$/).default('123456785'),
  PORTAL_URL: z.string().url().default('http://localhost:3000'),
  // Without a Resend key, emails stay in the outbox and show in the development mailbox.
  RESEND_API_KEY: z.string().min(1).optional(),
  EMAIL_FROM: z.string().min(3).default('Amili <noreply@amili.no>'),
  DEV_MAILBOX: z.string().optional(),
});

type Secrets = { AUTH_SECRET: string; ENCRYPTION_KEY: string };

/** A production start against a real database must bring its own secrets; the demo generates them once. */
type EnvSource = Record<string, string | undefined>;

export function isProductionDatabase(env: EnvSource = process.env) {
  return env.NODE_ENV === 'production' && Boolean(env.DATABASE_URL);
}

function loadOrCreateDemoSecrets(): Secrets {
  const file = path.join(DATA_DIR, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Secrets;
  const secrets = { AUTH_SECRET: randomBytes(32).toString('hex'), ENCRYPTION_KEY: randomBytes(32).toString('hex') };
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

/** Validates the environment once and fills in demo secrets where allowed; throws naming the missing variable. */
export function loadEnv(source: EnvSource = process.env) {
  const parsed = envSchema.parse(source);
  if (!parsed.AUTH_SECRET || !parsed.ENCRYPTION_KEY) {
    if (isProductionDatabase(source)) {
      const missing = !parsed.AUTH_SECRET ? 'AUTH_SECRET' : 'ENCRYPTION_KEY';
      throw new Error(`${missing} must be set for a production start (NODE_ENV=production with DATABASE_URL).`);
    }
    const demo = loadOrCreateDemoSecrets();
    parsed.AUTH_SECRET ??= demo.AUTH_SECRET;
    parsed.ENCRYPTION_KEY ??= demo.ENCRYPTION_KEY;
  }
  return parsed as typeof parsed & Secrets;
}

let cached: ReturnType<typeof loadEnv> | undefined;
export function env() {
  cached ??= loadEnv();
  return cached;
}
