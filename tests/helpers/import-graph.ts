import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// The static import graph of the source tree, read with regular expressions: enough for the tests that check which
// file reaches which (client messages, layers), without a compiler run.

export const ROOT = process.cwd();

export function resolveImport(spec: string, from: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const IMPORT = /(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The project files `file` imports. Type-only imports count only with `withTypes` (they vanish at run time). */
export function importsOf(file: string, { withTypes = false } = {}): string[] {
  const source = readFileSync(file, 'utf8');
  const specs = [
    ...[...source.matchAll(IMPORT)].filter((match) => withTypes || !match[1]).map((match) => match[2] ?? ''),
    ...[...source.matchAll(DYNAMIC_IMPORT)].map((match) => match[1] ?? ''),
  ];
  return specs.map((spec) => resolveImport(spec, file)).filter((resolved): resolved is string => resolved !== null);
}

/** Every .ts/.tsx file under `dir` (relative to the root), without generated folders. */
export function sourceFiles(dir: string): string[] {
  const full = path.join(ROOT, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path.join(ROOT, relative)] : [];
  });
}
