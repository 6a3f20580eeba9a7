import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// What a production build is made from: when any of it is newer than the build, build again.
const SOURCES = [
  'app',
  'components',
  'lib',
  'messages',
  'db',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.ts',
  'package-lock.json',
];

export const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next';

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(target).map((entry) => newestMtime(path.join(target, entry))));
}

export function needsBuild(): boolean {
  const buildId = path.join(DIST_DIR, 'BUILD_ID');
  return !existsSync(buildId) || Math.max(...SOURCES.map(newestMtime)) > statSync(buildId).mtimeMs;
}
