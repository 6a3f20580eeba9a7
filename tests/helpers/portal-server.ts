import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemo } from '@/lib/demo/seed';
import { needsBuild } from '@/lib/cli/build-state';
import { startPortal } from '@/lib/cli/portal-process';
import { E2E_SECRETS } from './e2e-secrets';
import { createDatabaseFromTemplate, databaseUrl, dropDatabase, sweepOrphanDatabases } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    e2eDatabaseUrl: string;
  }
}

/** Starts the built portal (`next start`) on its own seeded database, as a user would meet it. */
export default async function setup(project: TestProject) {
  Object.assign(process.env, E2E_SECRETS);
  await sweepOrphanDatabases();
  const name = `portal_e2e_${process.pid}`;
  await dropDatabase(name);
  await createDatabaseFromTemplate(name, 'template0');
  const url = databaseUrl(name);
  const handle = openDatabase(url, { max: 2 });
  await migrateDatabase(handle);
  await seedDemo(handle.db);
  await handle.close();

  if (needsBuild()) {
    const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } });
    if (build.status !== 0) throw new Error('next build failed');
  }
  // PORTAL_DEMO: `next start` is production, and the tests read invitations in the development mailbox.
  // PORTAL_URL is set by startPortal to the server's own address, so links in emails point at it.
  const portal = await startPortal({ ...E2E_SECRETS, DATABASE_URL: url, PORTAL_DEMO: '1' }, { output: 'show' });
  project.provide('baseUrl', portal.baseUrl);
  project.provide('e2eDatabaseUrl', url);
  return async () => {
    await portal.stop();
    await dropDatabase(name);
  };
}
