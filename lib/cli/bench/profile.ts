import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { executeRows, openDatabase } from '@/db/client';
import { startPortal } from '@/lib/cli/portal-process';
import { sessionCookieFor } from '@/lib/cli/session-cookie';
import { runLoad, timedGet } from './load';
import { serverCpuMs } from './server';

// `tsx lib/cli/bench/profile.ts <database url> <page> [requests] [out dir]`: the built portal under `node --cpu-prof`
// on a bench database, signed in as admin@demo.no, sent `requests` GETs of one page (list | case | history |
// login | floor) by 2 clients after a warm-up; the .cpuprofile files land in the out dir (default /tmp/portal-prof).
// Read them with lib/cli/bench/profile-summary.ts. How README "Performance" found where the CPU went.
const [url, page = 'list', requestsArg = '200', outDir = '/tmp/portal-prof'] = process.argv.slice(2);
if (!url) throw new Error('usage: profile.ts <database url> <list|case|history|login|floor> [requests] [out dir]');
const REQUESTS = Number(requestsArg);
const AUTH_SECRET = randomBytes(32).toString('hex');
const ENCRYPTION_KEY = randomBytes(32).toString('hex');

const handle = openDatabase(url, { max: 2 });
const sample = (await executeRows<{ id: string }>(handle.db, sql`select id::text from cases order by random() limit 50`)).map(
  (row) => row.id,
);
const cookie = await sessionCookieFor(handle.db, 'admin@demo.no', AUTH_SECRET, { userAgent: 'bench:profile' });
await handle.close();

const dir = path.resolve(outDir, page);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
// The preload samples CPU in every process of the server's tree (see there).
const profiler = path.resolve(import.meta.dirname, 'cpu-profiler.mjs');
const portal = await startPortal({
  DATABASE_URL: url,
  AUTH_SECRET,
  ENCRYPTION_KEY,
  JOBS_DISABLED: '1',
  NODE_ENV: 'production',
  BENCH_FLOOR: '1',
  PORTAL_DEMO: '1',
  NODE_OPTIONS: `--import=${pathToFileURL(profiler).href}`,
  PORTAL_CPU_PROFILE_DIR: dir,
});
const pick = () => sample[Math.floor(Math.random() * sample.length)] ?? '';
const urls: Record<string, () => string> = {
  list: () => `${portal.baseUrl}/nb/cases`,
  case: () => `${portal.baseUrl}/nb/cases/${pick()}`,
  history: () => `${portal.baseUrl}/nb/cases/${pick()}?tab=history`,
  login: () => `${portal.baseUrl}/nb/login`,
  floor: () => `${portal.baseUrl}/bench-floor`,
};
const nextUrl = urls[page];
if (!nextUrl) throw new Error(`unknown page ${page}`);
const signedIn = page !== 'login' && page !== 'floor' ? cookie : '';
try {
  const probe = await timedGet(nextUrl(), signedIn);
  if (probe.status !== 200) throw new Error(`GET ${nextUrl()} answered ${probe.status}`);
  console.log(`${page}: ${probe.bytes} bytes`);
  await runLoad({ clients: 2, requestsPerClient: 20, cookie: signedIn, nextUrl });
  process.kill(-portal.pid, 'SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 300));
  const before = serverCpuMs(portal.pid);
  const summary = await runLoad({ clients: 2, requestsPerClient: Math.ceil(REQUESTS / 2), cookie: signedIn, nextUrl });
  console.log(
    `${page}: ${summary.count} requests, ${((serverCpuMs(portal.pid) - before) / summary.count).toFixed(1)} ms CPU/request, p50 ${summary.p50.toFixed(1)} ms`,
  );
} finally {
  await portal.stop();
}
for (let i = 0; i < 50 && readdirSync(dir).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 200));
await new Promise((resolve) => setTimeout(resolve, 1000));
console.log(`profiles in ${dir}: ${readdirSync(dir).join(', ')}`);
