import { sql } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemo } from '@/lib/demo/seed';

// Drops everything and starts over with fresh demo data.
const handle = openDatabase();
await handle.db.execute(sql`DROP SCHEMA IF EXISTS public CASCADE`);
await handle.db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
await handle.db.execute(sql`DROP SCHEMA IF EXISTS pgboss CASCADE`);
await handle.db.execute(sql`CREATE SCHEMA public`);
await migrateDatabase(handle);
await seedDemo(handle.db);
await handle.close();
console.log(`Database reset and seeded (${handle.kind}).`);
