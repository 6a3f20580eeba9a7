import { spawn, spawnSync } from 'node:child_process';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { DEMO_API_KEY, DEMO_PASSWORD, DEMO_USERS } from '@/lib/demo/accounts';
import { ensureDemoApiKey } from '@/lib/demo/api-key';
import { DEMO_DEBTOR_IDENTITIES, DEMO_SIGNATORY_COMPANY } from '@/lib/demo/debtor-identities';
import { seedDemo } from '@/lib/demo/seed';
import { demoModeFor, loadEnv } from '@/lib/env';
import { needsBuild } from './build-state';
import { servedProcessEnv } from './heap-limit';

// `npm start`: migrate, seed the demo if the database is empty, build if the sources changed, then serve.
let env: ReturnType<typeof loadEnv>;
let demo: boolean;
try {
  demo = demoModeFor();
  env = loadEnv({ ...process.env, PORTAL_DEMO: demo ? '1' : '0' });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const handle = openDatabase(env.DATABASE_URL);
await migrateDatabase(handle);
const { seeded } = demo ? await seedDemo(handle.db) : { seeded: false };
if (demo) await ensureDemoApiKey(handle.db);
await handle.close();
console.log(
  `Database: ${handle.kind === 'pglite' ? 'embedded PGlite in .data/pglite' : 'PostgreSQL (DATABASE_URL)'}${seeded ? ', demo data seeded' : ''}`,
);

if (needsBuild()) {
  console.log('Building the portal (next build) …');
  const build = spawnSync('npx', ['next', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, AUTH_SECRET: env.AUTH_SECRET, ENCRYPTION_KEY: env.ENCRYPTION_KEY },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? '3000';
// lib/cli/serve.ts: `next start` plus the socket address in X-Forwarded-For (the throttle's client address).
const server = spawn('npx', ['tsx', 'lib/cli/serve.ts', port], {
  stdio: 'inherit',
  env: {
    ...process.env,
    // The served process's heap limit (lib/cli/heap-limit.ts: V8 would otherwise grow to a quarter of the machine).
    ...servedProcessEnv(),
    AUTH_SECRET: env.AUTH_SECRET,
    ENCRYPTION_KEY: env.ENCRYPTION_KEY,
    PORTAL_URL: process.env.PORTAL_URL ?? `http://localhost:${port}`,
    // `next start` always runs as production: the demo switch tells it that this is the demo.
    PORTAL_DEMO: demo ? '1' : '0',
  },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

console.log(`\nThe portal runs on http://localhost:${port}`);
if (demo) {
  console.log(`Demo sign-ins (password ${DEMO_PASSWORD}; the 2FA code comes from \`npm run demo:otp\`):`);
  for (const user of DEMO_USERS) console.log(`  ${user.email.padEnd(22)} ${user.description}`);
  console.log(
    `AutoCollect API key of Nordlys Elektro AS (demo): ${DEMO_API_KEY}; play the accounting system with \`npm run demo:autocollect\``,
  );
  console.log(`Min side (debtors): http://localhost:${port}/nb/min-side — "Logg inn med BankID" opens the demo's local provider:`);
  for (const person of DEMO_DEBTOR_IDENTITIES) {
    const acts = person.signatoryFor.length
      ? `, signatory for org.nr. ${person.signatoryFor.join(', ')} (${DEMO_SIGNATORY_COMPANY.name})`
      : '';
    console.log(`  ${person.name.padEnd(22)} fødselsnummer ${person.nationalId}${acts}`);
  }
}
if (!env.RESEND_API_KEY && demo)
  console.log(`Emails (invitations) are not sent without RESEND_API_KEY: read them at http://localhost:${port}/nb/dev/mailbox`);
