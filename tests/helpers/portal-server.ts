import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemo } from '@/db/seed/demo';
import { needsBuild } from '@/lib/cli/build-state';
import { E2E_SECRETS } from './e2e-secrets';
import { createDatabaseFromTemplate, databaseUrl, dropDatabase } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    e2eDatabaseUrl: string;
  }
}


function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`portal did not answer at ${url}`);
}

/** Starts the built portal (`next start`) on its own seeded database, as a user would meet it. */
export default async function setup(project: TestProject) {
  Object.assign(process.env, E2E_SECRETS);
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
  const port = await freePort();
  const child = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    // DEV_MAILBOX: `next start` is production, and the tests read invitations in the development mailbox.
    env: { ...process.env, ...E2E_SECRETS, DATABASE_URL: url, PORT: String(port), DEV_MAILBOX: '1', PORTAL_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForServer(`${baseUrl}/nb/login`, child);
  project.provide('baseUrl', baseUrl);
  project.provide('e2eDatabaseUrl', url);
  return async () => {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await dropDatabase(name);
  };
}
