import { randomBytes } from 'node:crypto';
import { spawnSync, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

// `npm run scale:check`: two built instances against one PostgreSQL, behind HAProxy (round robin, no stickiness),
// with PgBouncer (transaction mode) and a streaming replica, all on 127.0.0.1 ports 4300–4319; prints one PASS/FAIL
// line per check and exits 1 if any failed. Everything it starts it stops; the shared cluster is never touched.

const PORTS = { balancer: 4300, a: 4301, b: 4302, primary: 4310, replica: 4311, bouncer: 4312, resend: 4315, hooks: 4316 };
const ROOT = path.join(os.tmpdir(), 'portal-scale-check');
const secrets = { AUTH_SECRET: randomBytes(32).toString('hex'), ENCRYPTION_KEY: randomBytes(32).toString('hex') };
Object.assign(process.env, secrets, { WEBHOOK_ALLOW_LOCAL_HTTP: '1' });
// Whatever this shell points at (the shared cluster, say) is not the check's: every connection is named below.
for (const name of ['DATABASE_URL', 'DATABASE_READ_URL', 'DATABASE_JOBS_URL', 'DATABASE_PGBOUNCER']) delete process.env[name];

const { ensureDebianPackage, psql, startHaproxy, startPgBouncer, startPrimaryAndReplica, workDirectory } = await import('./scale/infra');
const { needsBuild } = await import('./build-state');
ensureDebianPackage('haproxy', 'haproxy');
ensureDebianPackage('pgbouncer', 'pgbouncer');
if (needsBuild()) {
  console.log('Building the portal (next build) …');
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const { openDatabase } = await import('@/db/client');
const { migrateDatabase } = await import('@/db/migrate');
const { seedDemo } = await import('@/lib/demo/seed');
const { ensureDemoApiKey } = await import('@/lib/demo/api-key');
const { createQueue } = await import('@/lib/queue/create');
const { startInstance, stopInstance } = await import('./scale/instances');
const { fakeResend, webhookReceiver } = await import('./scale/receivers');
const { loadActionIds } = await import('./scale/browser');
const { allPassed, report } = await import('./scale/report');

const stops: (() => unknown)[] = [];
const children: ChildProcess[] = [];
let exitCode = 1;
const started = Date.now();
/** Stops everything this run started, once (also on Ctrl-C). */
let cleaned = false;
async function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  for (const child of children) if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  for (const stop of stops.reverse()) {
    try {
      await stop();
    } catch {
      // already gone
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void cleanUp().then(() => process.exit(130)));
try {
  console.log(`Starting PostgreSQL (primary :${PORTS.primary}, streaming replica :${PORTS.replica}), PgBouncer :${PORTS.bouncer} …`);
  workDirectory(ROOT);
  const { primary, replica } = startPrimaryAndReplica(ROOT, PORTS.primary, PORTS.replica);
  stops.push(replica.stop, primary.stop);
  psql(PORTS.primary, 'postgres', 'create database portal');
  children.push(startPgBouncer(ROOT, PORTS.bouncer, PORTS.primary));
  const direct = `postgres://postgres@127.0.0.1:${PORTS.primary}/portal`;
  process.env.DATABASE_URL = direct;
  const handle = openDatabase(direct, { max: 4, applicationName: 'scale-check' });
  stops.push(() => handle.close());
  await migrateDatabase(handle);
  // The demo as of a week ago: no company has a slip for yesterday's cut-off yet (the settlement checks make them).
  const { addDays, todayInOslo } = await import('@/lib/dates');
  await seedDemo(handle.db, { today: addDays(todayInOslo(), -7) });
  await ensureDemoApiKey(handle.db);

  const resend = await fakeResend(PORTS.resend);
  const hooks = await webhookReceiver(PORTS.hooks);
  stops.push(resend.close, hooks.close);
  // The API company's webhook endpoint, on the receiver (as its admin would add it on Integrasjoner).
  const { DEMO_API_KEY_COMPANY_ID } = await import('@/lib/demo/accounts');
  const { webhookEndpoints } = await import('@/db/schema');
  const { eq } = await import('drizzle-orm');
  const { encryptSecret } = await import('@/lib/auth/crypto');
  const { newWebhookSecret } = await import('@/lib/integrations/webhooks/signing');
  await handle.db.insert(webhookEndpoints).values({
    companyId: DEMO_API_KEY_COMPANY_ID,
    url: `http://127.0.0.1:${PORTS.hooks}/hook`,
    secretEncrypted: encryptSecret(newWebhookSecret()),
  });

  // A dead instance's job comes back after 20 s (production: 15 minutes), so the crash checks stay short. The
  // expiry is the sender's: this process queues jobs too.
  Object.assign(process.env, { JOBS_EXPIRE_SECONDS: '20', JOBS_MAINTENANCE_SECONDS: '2' });
  const instanceEnv = {
    ...secrets,
    NODE_ENV: 'production',
    PORTAL_DEMO: '0',
    PORTAL_URL: `http://127.0.0.1:${PORTS.balancer}`,
    // The web pool through PgBouncer (transaction mode); pg-boss direct; lag-tolerant reads from the replica.
    DATABASE_URL: `postgres://postgres@127.0.0.1:${PORTS.bouncer}/portal`,
    DATABASE_PGBOUNCER: '1',
    DATABASE_JOBS_URL: direct,
    DATABASE_READ_URL: `postgres://postgres@127.0.0.1:${PORTS.replica}/portal`,
    DATABASE_POOL_MAX: '8',
    TRUSTED_PROXY_HOPS: '1',
    RESEND_API_KEY: 're_scale_check',
    RESEND_BASE_URL: `http://127.0.0.1:${PORTS.resend}`,
    WEBHOOK_ALLOW_LOCAL_HTTP: '1',
    JOBS_EXPIRE_SECONDS: '20',
    JOBS_MAINTENANCE_SECONDS: '2',
  };
  console.log(`Starting two instances (:${PORTS.a}, :${PORTS.b}) and HAProxy (:${PORTS.balancer}) …`);
  const since = new Date();
  const instances = new Map([
    ['portal-a', await startInstance('portal-a', PORTS.a, instanceEnv)],
    ['portal-b', await startInstance('portal-b', PORTS.b, instanceEnv)],
  ]);
  stops.push(async () => Promise.all([...instances.values()].map((instance) => stopInstance(instance, 'SIGKILL'))));
  children.push(startHaproxy(ROOT, PORTS.balancer, [PORTS.a, PORTS.b]));
  const lb = `http://127.0.0.1:${PORTS.balancer}`;
  const { eventually } = await import('./scale/report');
  await eventually(async () => (await fetch(`${lb}/api/ready`).catch(() => null))?.status === 200, 30_000);
  const [a, b] = [`http://127.0.0.1:${PORTS.a}`, `http://127.0.0.1:${PORTS.b}`];
  console.log(`Ready after ${Math.round((Date.now() - started) / 1000)} s.\n`);

  const health = await Promise.all([a, b].flatMap((base) => [fetch(`${base}/api/health`), fetch(`${base}/api/ready`)]));
  report(
    health.every((response) => response.status === 200),
    'GET /api/health and /api/ready on both instances',
    health.map((response) => response.status).join(', '),
  );

  const actionIds = loadActionIds();
  const { checkSessions, checkThrottle } = await import('./scale/sessions');
  const { checkJobs, checkSchedules } = await import('./scale/jobs');
  const { checkReplica, checkPgBouncer } = await import('./scale/replica');
  const { checkRegistrationCrash, checkSettlementCrash } = await import('./scale/crashes');
  const { cases } = await import('@/db/schema');
  const { and } = await import('drizzle-orm');
  const firstCompany = (await import('@/lib/demo/accounts')).DEMO_COMPANIES[0].id;
  const [someCase] = await handle.db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.companyId, firstCompany), eq(cases.status, 'active')))
    .limit(1);
  const invited = `invitert-${Date.now()}@skala.test`;
  await checkSessions(handle.db, actionIds, a, b, `/nb/cases/${someCase?.id}`, async (adminVisitor) => {
    await adminVisitor.action(lb, '/nb/settings/users', 'lib/invitations/actions.ts#inviteUsersAction', {
      companyId: DEMO_API_KEY_COMPANY_ID,
      emails: invited,
      role: 'read',
      locale: 'nb',
      companyIds: [DEMO_API_KEY_COMPANY_ID],
    });
    await checkReplica(handle.db, adminVisitor, lb, { primary: PORTS.primary, replica: PORTS.replica });
  });
  await checkThrottle(actionIds, a, b);
  const boss = createQueue(handle, { sendOnly: true, url: direct });
  await boss.start();
  stops.push(() => boss.stop({ graceful: false, wait: true }));
  await checkJobs(handle.db, boss, lb, resend, hooks, invited);
  checkPgBouncer(PORTS.bouncer);

  const names = [...instances.keys()];
  const crash = async (name: string) => {
    const instance = instances.get(name);
    if (instance) await stopInstance(instance, 'SIGKILL');
  };
  await checkSettlementCrash(handle.db, direct, boss, names, crash);
  const served = await Promise.all(Array.from({ length: 6 }, () => fetch(`${lb}/api/ready`).then((response) => response.status)));
  report(
    served.every((status) => status === 200),
    'with one instance dead, the balancer serves every request from the other',
    served.join(', '),
  );
  for (const [name, instance] of instances)
    if (instance.child.exitCode !== null || instance.child.signalCode !== null)
      instances.set(name, await startInstance(name, instance.port, instanceEnv));
  await checkRegistrationCrash(handle.db, direct, boss, names, crash);
  await checkSchedules(handle.db, since);

  const survivor = [...instances.values()].find((instance) => instance.child.exitCode === null && instance.child.signalCode === null);
  if (survivor) {
    const term = Date.now();
    const code = await stopInstance(survivor, 'SIGTERM');
    report(
      code === 0 && Date.now() - term < 30_000,
      'SIGTERM: the instance drains and exits 0 within 30 s',
      `${survivor.name} exited ${code} after ${((Date.now() - term) / 1000).toFixed(1)} s`,
    );
  }
  exitCode = allPassed() ? 0 : 1;
} catch (error) {
  console.error('scale:check stopped:', error);
} finally {
  await cleanUp();
  console.log(`\n${exitCode === 0 ? 'Every check passed' : 'Some checks failed'} (${Math.round((Date.now() - started) / 1000)} s).`);
}
process.exit(exitCode);
