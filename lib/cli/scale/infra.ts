import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The scale check's own servers on this machine: a PostgreSQL primary and its streaming replica (initdb and
// pg_basebackup into a temporary folder), PgBouncer in transaction mode, HAProxy. Never the shared cluster.

const PG_BIN = '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: as root, run its programs as the `postgres` user. */
function pgCommand(program: string, args: string[]): [string, string[]] {
  const binary = path.join(PG_BIN, program);
  return asRoot ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

function runPg(program: string, args: string[]) {
  return run(...pgCommand(program, args));
}

/** Installs a Debian package when its program is missing (as .ci/run installs chromium). */
export function ensureDebianPackage(program: string, pkg: string) {
  if (spawnSync('sh', ['-c', `command -v ${program} || test -x /usr/sbin/${program}`]).status === 0) return;
  console.log(`Installing ${pkg} (apt-get) …`);
  run('apt-get', ['install', '-y', '-q', pkg]);
}

export type Cluster = { dir: string; port: number; stop: () => void };

function startCluster(dir: string, port: number): Cluster {
  runPg('pg_ctl', [
    '-D',
    dir,
    '-l',
    path.join(dir, 'server.log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    '-w',
    'start',
  ]);
  return { dir, port, stop: () => spawnSync(...pgCommand('pg_ctl', ['-D', dir, '-m', 'immediate', 'stop'])) };
}

/** A fresh folder the postgres user owns (PostgreSQL's data directories must be its own). */
export function workDirectory(root: string): string {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true, mode: 0o700 });
  if (asRoot) run('chown', ['postgres:postgres', root]);
  return root;
}

/** A primary on `port` and a streaming replica of it on `replicaPort` (pg_basebackup -R: standby.signal + primary_conninfo). */
export function startPrimaryAndReplica(root: string, port: number, replicaPort: number): { primary: Cluster; replica: Cluster } {
  const primaryDir = path.join(root, 'primary');
  const replicaDir = path.join(root, 'replica');
  runPg('initdb', ['-D', primaryDir, '-A', 'trust', '-U', 'postgres', '--no-instructions', '-E', 'UTF8', '--locale=C.UTF-8']);
  writeFileSync(
    path.join(primaryDir, 'postgresql.auto.conf'),
    'max_connections = 200\nwal_level = replica\nmax_wal_senders = 5\nhot_standby = on\n',
  );
  if (asRoot) chownSync(path.join(primaryDir, 'postgresql.auto.conf'), uid('postgres'), gid('postgres'));
  const primary = startCluster(primaryDir, port);
  runPg('pg_basebackup', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '-c', 'fast']);
  const replica = startCluster(replicaDir, replicaPort);
  return { primary, replica };
}

function uid(user: string) {
  return Number(run('id', ['-u', user]).trim());
}
function gid(user: string) {
  return Number(run('id', ['-g', user]).trim());
}

/** psql against a server (the replica's activity, PgBouncer's console); returns its unaligned output. */
export function psql(port: number, database: string, query: string, options: { header?: boolean } = {}): string {
  return runPg('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, options.header ? '-Ac' : '-Atc', query]);
}

function daemon(command: string, args: string[], log: string): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const lines: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
  child.on('exit', (code) => {
    if (code) console.error(`${log} exited ${code}: ${lines.join('').slice(-500)}`);
  });
  return child;
}

/** PgBouncer in transaction mode in front of the primary (the admin console for SHOW POOLS). */
export function startPgBouncer(root: string, port: number, primaryPort: number): ChildProcess {
  const dir = path.join(root, 'pgbouncer');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'userlist.txt'), '"postgres" ""\n');
  writeFileSync(
    path.join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=127.0.0.1 port=${primaryPort}`,
      '[pgbouncer]',
      `listen_addr = 127.0.0.1`,
      `listen_port = ${port}`,
      `unix_socket_dir =`,
      'auth_type = trust',
      `auth_file = ${path.join(dir, 'userlist.txt')}`,
      'admin_users = postgres',
      'pool_mode = transaction',
      'max_client_conn = 500',
      'default_pool_size = 20',
      'ignore_startup_parameters = extra_float_digits',
      '',
    ].join('\n'),
  );
  if (asRoot) run('chown', ['-R', 'postgres:postgres', dir]);
  const [command, args] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', '/usr/sbin/pgbouncer', path.join(dir, 'pgbouncer.ini')]]
    : ['/usr/sbin/pgbouncer', [path.join(dir, 'pgbouncer.ini')]];
  return daemon(command, args as string[], 'pgbouncer');
}

/**
 * HAProxy: round robin over the instances, no stickiness, /api/ready as the health check, retry elsewhere on a refused
 * connection. At most `maxconn` requests per instance (its database pool plus a few): the rest wait in HAProxy's queue
 * instead of piling up in the instance. The check's own timeout is generous and it takes 3 misses to mark an instance
 * down: under load /api/ready waits for a pool connection behind the pages, and with a 1 s check timeout and 2
 * misses both instances were marked down and every request got HAProxy's own 503 (bench:load, 7.12.2026).
 */
export function startHaproxy(root: string, port: number, backends: number[], maxconn = 14): ChildProcess {
  const file = path.join(root, 'haproxy.cfg');
  writeFileSync(
    file,
    [
      'global',
      '  maxconn 2000',
      'defaults',
      '  mode http',
      '  timeout connect 2s',
      '  timeout client 60s',
      '  timeout server 60s',
      '  timeout queue 60s',
      '  timeout check 10s',
      '  retries 3',
      '  option redispatch',
      '  retry-on conn-failure',
      'frontend portal',
      `  bind 127.0.0.1:${port}`,
      '  option forwardfor',
      '  default_backend instances',
      'backend instances',
      '  balance roundrobin',
      '  option httpchk GET /api/ready',
      '  http-check expect status 200',
      ...backends.map(
        (backend, i) => `  server instance${i + 1} 127.0.0.1:${backend} check inter 2s fastinter 1s fall 3 rise 2 maxconn ${maxconn}`,
      ),
      '',
    ].join('\n'),
  );
  return daemon('haproxy', ['-f', file, '-db'], 'haproxy');
}
