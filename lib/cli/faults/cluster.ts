import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * A PostgreSQL cluster of the fault check's own (never the shared one): initdb into `dir`, started and stopped with
 * pg_ctl on `port`. As root it runs as the `postgres` user (PostgreSQL refuses root), otherwise as the caller.
 */
export type Cluster = { url: (database: string) => string; start: () => void; stop: () => void; port: number; dir: string };

/** A PostgreSQL program of the newest installed version (Debian keeps them outside PATH). */
export function postgresBinary(name: string): string {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  const candidate = version ? path.join(root, version, 'bin', name) : name;
  return existsSync(candidate) ? candidate : name;
}

function run(args: string[]) {
  const asPostgres = process.getuid?.() === 0;
  const command = asPostgres ? 'runuser' : args[0]!;
  const full = asPostgres ? ['-u', 'postgres', '--', ...args] : args.slice(1);
  const result = spawnSync(command, full, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

export function ownCluster(dir: string, port: number): Cluster {
  const data = path.join(dir, 'data');
  const ctl = (...args: string[]) => run([postgresBinary('pg_ctl'), '-D', data, ...args]);
  if (!existsSync(path.join(data, 'PG_VERSION'))) {
    mkdirSync(dir, { recursive: true });
    if (process.getuid?.() === 0) spawnSync('chown', ['postgres', dir]);
    run([postgresBinary('initdb'), '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  }
  const isRunning = () =>
    spawnSync(
      process.getuid?.() === 0 ? 'runuser' : postgresBinary('pg_ctl'),
      process.getuid?.() === 0 ? ['-u', 'postgres', '--', postgresBinary('pg_ctl'), '-D', data, 'status'] : ['-D', data, 'status'],
    ).status === 0;
  return {
    port,
    dir,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: () => {
      if (!isRunning())
        ctl('-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', path.join(dir, 'log'), '-w', 'start');
    },
    // Fast shutdown: open connections are cut, as in a failover or a crash of the database host.
    stop: () => {
      if (isRunning()) ctl('-m', 'fast', '-w', 'stop');
    },
  };
}
