import { performance } from 'node:perf_hooks';
import { openDatabase } from '@/db/client';
import { demoModeFor } from '@/lib/env';
import { migrateDatabase } from '@/db/migrate';
import { seedBulk } from '@/lib/demo/bulk';
import { seedDemo } from '@/lib/demo/seed';

// `npm run db:seed [-- --cases N]`: migrate, add the demo data to an empty database, optionally N bulk cases.

function parseCases(args: readonly string[]): number | null {
  const index = args.findIndex((arg) => arg === '--cases' || arg.startsWith('--cases='));
  if (index === -1) return null;
  const arg = args[index] ?? '';
  const raw = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
  const cases = Number((raw ?? '').replace(/_/g, ''));
  if (!Number.isSafeInteger(cases) || cases < 1) throw new Error(`--cases needs a positive whole number, got "${raw ?? ''}"`);
  return cases;
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(2)} s`;
}

async function main(args: readonly string[]) {
  const cases = parseCases(args);
  if (!demoModeFor()) {
    console.log('Not seeding: this is a production start (NODE_ENV=production). Set SEED_DEMO=1 to seed the demo anyway.');
    return;
  }
  const handle = openDatabase();
  try {
    let started = performance.now();
    await migrateDatabase(handle);
    console.log(`Migrations applied (${handle.kind}) in ${seconds(started)}.`);

    started = performance.now();
    const { seeded } = await seedDemo(handle.db);
    console.log(seeded ? `Demo data seeded in ${seconds(started)}.` : 'Demo data skipped: the database already has companies.');

    if (cases !== null) {
      started = performance.now();
      await seedBulk(handle.db, { cases });
      console.log(`Bulk: ${cases.toLocaleString('en')} cases added in ${seconds(started)}.`);
    }
  } finally {
    await handle.close();
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
