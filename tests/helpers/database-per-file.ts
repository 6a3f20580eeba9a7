import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, inject } from 'vitest';
import { createDatabaseFromTemplate, databaseUrl, dropDatabase, serverUrl } from './test-database';

// Runs before each test file, before it imports the app's modules: point DATABASE_URL at a fresh copy.
const template = inject('templateDatabase');
if (template) {
  process.env.TEST_DATABASE_URL ??= serverUrl();
  const name = `portal_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await createDatabaseFromTemplate(name, template);
  process.env.DATABASE_URL = databaseUrl(name);
  afterAll(async () => {
    const { databaseHandle } = await import('@/db');
    await databaseHandle().close();
    await dropDatabase(name);
  });
} else {
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'portal-pglite-'));
  const { databaseHandle } = await import('@/db');
  const { migrateDatabase } = await import('@/db/migrate');
  await migrateDatabase(databaseHandle());
}
