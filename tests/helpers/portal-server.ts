import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemo } from '@/lib/demo/seed';
import { needsBuild } from '@/lib/cli/build-state';
import { startPortal, type Portal } from '@/lib/cli/portal-process';
import { E2E_SECRETS } from './e2e-secrets';
import { E2E_WORKERS } from './e2e-workers';
import { createDatabaseFromTemplate, databaseUrl, dropDatabase, sweepOrphanDatabases } from './test-database';

export type E2ePortal = { baseUrl: string; databaseUrl: string };

declare module 'vitest' {
  export interface ProvidedContext {
    /** One portal and its database per e2e worker (VITEST_POOL_ID n uses entry n − 1). */
    e2ePortals: E2ePortal[];
  }
}

/**
 * Starts the built portal (`next start`) once per e2e worker, each on its own seeded database, as a user would meet
 * it. The demo is migrated and seeded once; the other workers' databases are copies of that one (CREATE DATABASE …
 * TEMPLATE), made before any server connects to it.
 */
export default async function setup(project: TestProject) {
  Object.assign(process.env, E2E_SECRETS);
  await sweepOrphanDatabases();
  const names = Array.from({ length: E2E_WORKERS }, (_, index) => `portal_e2e_${process.pid}_${index + 1}`);
  for (const name of names) await dropDatabase(name);
  const [first = '', ...copies] = names;
  await createDatabaseFromTemplate(first, 'template0');
  const handle = openDatabase(databaseUrl(first), { max: 2 });
  await migrateDatabase(handle);
  await seedDemo(handle.db);
  await handle.close();
  for (const copy of copies) await createDatabaseFromTemplate(copy, first);

  if (needsBuild()) {
    const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, DATABASE_URL: databaseUrl(first) } });
    if (build.status !== 0) throw new Error('next build failed');
  }
  // PORTAL_DEMO: `next start` is production, and the tests read invitations in the development mailbox.
  // PORTAL_URL is set by startPortal to the server's own address, so links in emails point at it.
  const portals: Portal[] = [];
  const stopAll = async () => {
    await Promise.all(portals.map((portal) => portal.stop()));
    for (const name of names) await dropDatabase(name);
  };
  try {
    for (const name of names)
      portals.push(await startPortal({ ...E2E_SECRETS, DATABASE_URL: databaseUrl(name), PORTAL_DEMO: '1' }, { output: 'show' }));
  } catch (error) {
    await stopAll();
    throw error;
  }
  project.provide(
    'e2ePortals',
    portals.map((portal, index) => ({ baseUrl: portal.baseUrl, databaseUrl: databaseUrl(names[index] ?? '') })),
  );
  return stopAll;
}
