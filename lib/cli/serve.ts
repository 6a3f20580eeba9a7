import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { DEMO_IDP_PATH } from '@/lib/debtors/demo-idp-client';

/**
 * Serves the built portal like `next start`, but as a well-behaved proxy would: the socket address is appended to
 * X-Forwarded-For. `next start` only fills that header when it is missing, so a client could otherwise choose its
 * own address for the throttle; lib/client-address.ts relies on the last entry being the real peer.
 * Usage: tsx lib/cli/serve.ts [port] [host]
 * SERVE_PROCESSES=N (the benchmark's --processes): N server processes share the port through Node's cluster module,
 * which hands out connections in turn, so that a second core renders pages too. One process unless asked.
 */
// Like `next start`: always production (the development mailbox and cookies depend on it).
Object.assign(process.env, { NODE_ENV: 'production' });
// Like `next start`, without Node's source maps: tsx turns them on, and then Node reads and keeps the map of every
// server chunk Next loads (~15 MB of mappings plus their parsed form in the heap, README: Memory under load).
// Stack traces in the log name the built chunks, as under `next start`.
process.setSourceMapsEnabled(false);
// React's Flight server aborts each finished render's cacheController with a fresh Error, made inside a setImmediate
// callback. Until its stack is read, V8 keeps that Error's call sites, the Immediate among them; a run Immediate keeps
// its link to the next, whose async context is a later request's store, whose render holds the next such Error: a
// chain from request to request that a single long-lived reference to an early request keeps alive (heap snapshots:
// ~30 KB a request, an instance out of its 256 MB heap after ~8 minutes of bench:load). Reading the stack once turns
// it into a string and lets the call sites go.
const abort = AbortController.prototype.abort;
AbortController.prototype.abort = function (this: AbortController, reason?: unknown) {
  if (reason instanceof Error) void reason.stack;
  return abort.call(this, reason);
};
// A bad environment (TRUSTED_PROXY_HOPS=abc, missing production secrets) stops the start, naming the variable.
const { loadEnv } = await import('@/lib/env');
try {
  loadEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const processes = Number(process.env.SERVE_PROCESSES ?? 1);
if (!Number.isSafeInteger(processes) || processes < 1) {
  console.error(`SERVE_PROCESSES needs a positive whole number, got "${process.env.SERVE_PROCESSES}"`);
  process.exit(1);
}
if (processes > 1 && cluster.isPrimary) {
  for (let i = 0; i < processes; i++) cluster.fork();
  // A server that dies takes the rest down: whoever started this notices, as with one process. On SIGTERM each
  // server finishes its own work (graceful.ts); the primary exits when the last one has, with the worst code.
  let stopping = false;
  let worst = 0;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
  cluster.on('exit', (_worker, code) => {
    if (!stopping) process.exit(code ?? 1);
    worst = Math.max(worst, code ?? 1);
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(worst);
  });
} else {
  await serve();
}

async function serve() {
  const { default: next } = await import('next');
  const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
  const hostname = process.argv[3] ?? process.env.HOSTNAME ?? '0.0.0.0';
  const app = next({ dev: false, dir: process.cwd(), port, hostname });
  const handle = app.getRequestHandler();
  await app.prepare();
  const { HSTS, isProductionDeployment } = await import('@/lib/http/security-headers');
  // HSTS on every response, files from public/ and _next/ included (the proxy does not see those).
  const pinHttps = isProductionDeployment();
  const demoIdp = await mountDemoIdp();

  // A page that fails because PostgreSQL is away answers 503 with Retry-After and a translated page (lib/http/outage.ts).
  const { withOutagePage } = await import('@/lib/http/outage');
  const { databaseProbe } = await import('@/db/probe');
  const probe = databaseProbe(process.env.DATABASE_URL);

  const server = createServer(
    withOutagePage((request, response) => {
      const claimed = request.headers['x-forwarded-for'];
      const peer = request.socket.remoteAddress ?? 'unknown';
      const prior = Array.isArray(claimed) ? claimed.join(', ') : claimed;
      request.headers['x-forwarded-for'] = prior ? `${prior}, ${peer}` : peer;
      if (pinHttps) response.setHeader('Strict-Transport-Security', HSTS);
      if (demoIdp && isDemoIdpPath(request.url)) return demoIdp(request, response);
      void handle(request, response);
    }, probe.reachable),
  );
  // SIGTERM (a deploy, a scale-down): finish what is in flight, hand jobs back, exit 0 within 30 s.
  const { exitGracefullyOnSignal } = await import('./graceful');
  exitGracefullyOnSignal(server);
  server.listen(port, hostname, () => console.log(`▲ Ready on http://${hostname}:${port}`));
}

/** The demo's local BankID (lib/cli/demo-idp.ts) beside the portal, only in the demo; null anywhere else. */
async function mountDemoIdp() {
  const { demoIdpAllowed, createDemoIdp } = await import('./demo-idp');
  if (!demoIdpAllowed()) return null;
  const { env } = await import('@/lib/env');
  const { PORTAL_URL, AUTH_SECRET } = env();
  return createDemoIdp({
    issuer: `${PORTAL_URL}${DEMO_IDP_PATH}`,
    redirectUri: `${PORTAL_URL}/api/min-side/bankid/callback`,
    authSecret: AUTH_SECRET,
  });
}

function isDemoIdpPath(url: string | undefined) {
  return url === DEMO_IDP_PATH || Boolean(url?.startsWith(`${DEMO_IDP_PATH}/`));
}
