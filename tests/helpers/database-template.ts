import type { TestProject } from 'vitest/node';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { createDatabaseFromTemplate, databaseUrl, dropDatabase, isPostgresReachable, sweepOrphanDatabases } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string | null;
  }
}

/**
 * Migrates one template database per run; every test file then gets its own copy (database-per-file.ts),
 * so files never see each other's rows. Without a reachable PostgreSQL, files fall back to PGlite.
 */
export default async function setup(project: TestProject) {
  if (!(await isPostgresReachable())) {
    project.provide('templateDatabase', null);
    return;
  }
  await sweepOrphanDatabases();
  const template = `portal_test_template_${process.pid}`;
  await dropDatabase(template);
  await createDatabaseFromTemplate(template, 'template0');
  const handle = openDatabase(databaseUrl(template), { max: 1 });
  await migrateDatabase(handle);
  await handle.close();
  project.provide('templateDatabase', template);
  return async () => dropDatabase(template);
}
