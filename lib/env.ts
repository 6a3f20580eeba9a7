import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR } from '@/db/data-dir';
import { parseTrustedProxyHops } from '@/lib/client-address';

const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  // Reads that tolerate a second of lag (exports, Innsikt's history, Rapporter's lists, GET /api/v1/cases).
  DATABASE_READ_URL: z.string().url().optional(),
  // pg-boss's own connection: direct or PgBouncer in session mode (it keeps session state); defaults to DATABASE_URL.
  DATABASE_JOBS_URL: z.string().url().optional(),
  // `1` behind PgBouncer in transaction mode: no named prepared statements (db/client.ts).
  DATABASE_PGBOUNCER: z.enum(['0', '1']).default('0'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  DATABASE_APPLICATION_NAME: z.string().min(1).max(60).optional(),
  JOBS_DISABLED: z.enum(['0', '1']).optional(),
  // A job whose worker died is retried elsewhere after this long (lib/queue/create.ts).
  JOBS_EXPIRE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  JOBS_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  AUTH_SECRET: z.string().min(32).optional(),
  ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'ENCRYPTION_KEY must be 64 hex characters')
    .optional(),
  NODE_ENV: z.string().optional(),
  SEED_DEMO: z.string().optional(),
  AGENCY_NAME: z.string().default('Amili'),
  AGENCY_EMAIL: z.string().email().default('hjelp@amili.no'),
  AGENCY_PHONE: z.string().default('73 20 61 62'),
  AGENCY_ACCOUNT_NUMBER: z
    .string()
    .regex(/^\d{11}$/)
    .default('86011117947'),
  AGENCY_ORGANISATION_NUMBER: z
    .string()
    .regex(/^\d{9}$/)
    .default('123456785'),
  PORTAL_URL: z.string().url().default('http://localhost:3000'),
  // Without a Resend key, emails stay in the outbox and show in the development mailbox.
  RESEND_API_KEY: z.string().min(1).optional(),
  EMAIL_FROM: z.string().min(3).default('Amili <noreply@amili.no>'),
  // The one demo switch (see demoModeFor): demo accounts, the development mailbox and generated secrets.
  PORTAL_DEMO: z.enum(['0', '1']).optional(),
  // How many proxies in front of the portal append to X-Forwarded-For (0 = the socket address).
  TRUSTED_PROXY_HOPS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseTrustedProxyHops(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }),
  // SMS provider (HTTP): without SMS_API_URL, SMS wait in the outbox and show in the development mailbox.
  SMS_API_URL: z.string().url().optional(),
  SMS_API_TOKEN: z.string().min(1).optional(),
  SMS_SENDER: z.string().min(1).max(11).default('Amili'),
  // AutoCollect's API: requests per key and minute, counted in the database (all instances together).
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  // Webhook endpoints must be https; `1` also allows http://127.0.0.1 / localhost, for tests and the demo only.
  WEBHOOK_ALLOW_LOCAL_HTTP: z.enum(['0', '1']).default('0'),
  // Min side's "Betal nå": `vipps` (the ePayment API, the VIPPS_* variables) or `local` (a demo page; never in production).
  PAYMENT_PROVIDER: z.enum(['vipps', 'local']).optional(),
  VIPPS_ENVIRONMENT: z.enum(['test', 'production']).default('test'),
  VIPPS_CLIENT_ID: z.string().min(1).optional(),
  VIPPS_CLIENT_SECRET: z.string().min(1).optional(),
  VIPPS_SUBSCRIPTION_KEY: z.string().min(1).optional(),
  VIPPS_MERCHANT_SERIAL_NUMBER: z
    .string()
    .regex(/^\d{4,10}$/)
    .optional(),
  // The secret Vipps returned when the webhook was registered (Webhooks API); callbacks are checked with it.
  VIPPS_WEBHOOK_SECRET: z.string().min(16).optional(),
  // Min side's BankID through OpenID Connect (a broker or BankID's own); without an issuer, only the demo's local one.
  DEBTOR_OIDC_ISSUER: z.string().url().optional(),
  DEBTOR_OIDC_CLIENT_ID: z.string().min(1).optional(),
  DEBTOR_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  DEBTOR_OIDC_SCOPE: z.string().min(1).default('openid profile'),
  // The ID token's (or userinfo's) claim with the fødselsnummer / D-number, and the one with the name.
  DEBTOR_OIDC_NATIONAL_ID_CLAIM: z.string().min(1).default('nnin'),
  DEBTOR_OIDC_NAME_CLAIM: z.string().min(1).default('name'),
  // The claim listing the organisation numbers the person may act for (an array, or numbers separated by commas).
  DEBTOR_OIDC_ORGANISATIONS_CLAIM: z.string().min(1).optional(),
});

type Secrets = { AUTH_SECRET: string; ENCRYPTION_KEY: string };

type EnvSource = Record<string, string | undefined>;

/**
 * Whether a start from this environment runs the demo (demo accounts seeded, the development mailbox, secrets
 * generated into .data/). Outside production it does; with NODE_ENV=production only when SEED_DEMO=1 says so on
 * purpose. An explicit PORTAL_DEMO=1 in production without SEED_DEMO=1 is a mistake, refused by name.
 */
export function demoModeFor(source: EnvSource = process.env): boolean {
  const production = source.NODE_ENV === 'production';
  if (production && source.PORTAL_DEMO === '1' && source.SEED_DEMO !== '1') {
    throw new Error('PORTAL_DEMO=1 with NODE_ENV=production needs SEED_DEMO=1 set on purpose.');
  }
  if (source.PORTAL_DEMO === '0') return false;
  return production ? source.SEED_DEMO === '1' : true;
}

/** The running server's switch: set by `npm start` (and the e2e setup) for the process it starts. */
export function isDemo(): boolean {
  return env().PORTAL_DEMO === '1';
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
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new Error(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
  }
  const parsed = result.data;
  if (!parsed.AUTH_SECRET || !parsed.ENCRYPTION_KEY) {
    // `next start` is always NODE_ENV=production: there only the demo switch allows generated secrets.
    if (source.NODE_ENV === 'production' && parsed.PORTAL_DEMO !== '1') {
      const missing = !parsed.AUTH_SECRET ? 'AUTH_SECRET' : 'ENCRYPTION_KEY';
      throw new Error(`${missing} must be set for a production start (NODE_ENV=production), unless it is the demo (SEED_DEMO=1).`);
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
