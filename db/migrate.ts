import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type DatabaseHandle } from './client';

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Applies the committed migrations; a second run does nothing. */
export async function migrateDatabase(handle: DatabaseHandle) {
  await handle.migrate(migrationsFolder);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const handle = openDatabase();
  await migrateDatabase(handle);
  await handle.close();
  console.log(`Migrations applied (${handle.kind}).`);
}
