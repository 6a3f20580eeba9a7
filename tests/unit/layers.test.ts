import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, ROOT, sourceFiles } from '@/tests/helpers/import-graph';

// The layer rule of docs/style.md, read from the import graph (type-only imports count: they are dependencies
// of the design). A file may import its own layer and the layers below it, never one above; and the folders of
// lib/ import each other without a circle, so each can be understood (and tested) from the ones below it.
const LAYERS = ['kernel', 'db', 'infrastructure', 'domain', 'jobs', 'programs', 'components', 'app'] as const;
type Layer = (typeof LAYERS)[number];

const INFRASTRUCTURE = ['env', 'i18n', 'http', 'email', 'sms', 'queue', 'events', 'pdf'];

/** The unit the folder-cycle check works on: a folder of lib/ (lib/cases), a kernel file (lib/money), db, … */
function unitOf(file: string): string {
  const parts = path.relative(ROOT, file).split(path.sep);
  if (parts[0] !== 'lib') return parts[0] ?? '';
  return `lib/${(parts[1] ?? '').replace(/\.tsx?$/, '')}`;
}

function layerOf(file: string): Layer {
  const unit = unitOf(file);
  if (unit === 'messages') return 'kernel'; // the catalogues: data every layer may read
  if (unit === 'db') return 'db';
  if (unit === 'components') return 'components';
  if (!unit.startsWith('lib/')) return 'app'; // app/, proxy.ts, instrumentation.ts
  const name = unit.slice(4);
  const isFile = !path.relative(ROOT, file).slice(unit.length).includes(path.sep);
  if (INFRASTRUCTURE.includes(name)) return 'infrastructure';
  if (isFile) return 'kernel';
  if (name === 'jobs') return 'jobs';
  if (name === 'demo' || name === 'cli') return 'programs';
  return 'domain';
}

const rank = (file: string) => LAYERS.indexOf(layerOf(file));
const relative = (file: string) => path.relative(ROOT, file);
const FILES = [
  ...sourceFiles('lib'),
  ...sourceFiles('db'),
  ...sourceFiles('components'),
  ...sourceFiles('app'),
  path.join(ROOT, 'proxy.ts'),
  path.join(ROOT, 'instrumentation.ts'),
];
const GRAPH = new Map(FILES.map((file) => [file, importsOf(file, { withTypes: true })]));

/** Strongly connected components with more than one member (Tarjan), each sorted. */
function circles(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) visit(next);
      if (stack.includes(next)) low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
    }
    if (low.get(node) === index.get(node)) {
      const members = stack.splice(stack.indexOf(node));
      if (members.length > 1) found.push(members.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('layers', () => {
  it('never imports a higher layer', () => {
    const upward = [...GRAPH].flatMap(([file, imports]) =>
      imports
        .filter((imported) => rank(imported) > rank(file))
        .map((imported) => `${relative(file)} (${layerOf(file)}) → ${relative(imported)} (${layerOf(imported)})`),
    );
    expect(upward).toEqual([]);
  });

  it('has no circle between the folders of lib/', () => {
    const edges = new Map<string, Set<string>>();
    for (const [file, imports] of GRAPH) {
      if (unitOf(file) === 'app' || unitOf(file) === 'components') continue;
      const from = unitOf(file);
      for (const imported of imports) if (unitOf(imported) !== from) edges.set(from, (edges.get(from) ?? new Set()).add(unitOf(imported)));
    }
    expect(circles(edges)).toEqual([]);
  });

  it('has no circle between the files of lib/ and db/', () => {
    const edges = new Map<string, Set<string>>();
    for (const [file, imports] of GRAPH) if (/^(lib|db)\//.test(relative(file))) edges.set(relative(file), new Set(imports.map(relative)));
    expect(circles(edges)).toEqual([]);
  });

  it('keeps the server out of client components: none reaches db/, a mutation, the ledger or the engine', () => {
    // The browser bundle's graph: runtime imports from each 'use client' file, stopping at server actions
    // ('use server' modules, which the client calls over HTTP). This test is the server-only policy: modules need
    // no `import 'server-only'` to be safe, so the job worker, the programs and the seed can load them outside Next.
    // A feature's schemas.ts is shared with its forms by design (its own imports are still followed).
    const SERVER = /^(db\/|lib\/ledger\/|lib\/engine\/(?!schemas\.ts$)|lib\/.*mutations\.ts$)/;
    const directive = (file: string, name: string) => new RegExp(`^\\s*['"]use ${name}['"]`).test(readFileSync(file, 'utf8'));
    const leaks: string[] = [];
    for (const client of FILES.filter((file) => directive(file, 'client'))) {
      const seen = new Set<string>();
      const visit = (file: string, via: string[]) => {
        if (seen.has(file) || (file !== client && directive(file, 'server'))) return;
        seen.add(file);
        if (SERVER.test(relative(file))) leaks.push([...via, relative(file)].join(' → '));
        for (const imported of importsOf(file)) visit(imported, [...via, relative(file)]);
      };
      visit(client, []);
    }
    expect(leaks).toEqual([]);
    expect(FILES.filter((file) => directive(file, 'client')).length).toBeGreaterThan(30);
  });

  it('reads the real graph: every layer has files and imports, and a circle is found', () => {
    const counts = Object.fromEntries(LAYERS.map((layer) => [layer, FILES.filter((file) => layerOf(file) === layer).length]));
    for (const layer of LAYERS) expect(counts[layer], layer).toBeGreaterThan(0);
    expect(GRAPH.get(path.join(ROOT, 'lib/events/record.ts'))).toContain(path.join(ROOT, 'lib/events/webhooks.ts'));
    expect(layerOf(path.join(ROOT, 'lib/money.ts'))).toBe('kernel');
    expect(layerOf(path.join(ROOT, 'lib/events/record.ts'))).toBe('infrastructure');
    expect(layerOf(path.join(ROOT, 'lib/cases/queries.ts'))).toBe('domain');
    expect(
      circles(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set(['c'])],
          ['c', new Set(['a'])],
          ['d', new Set(['a'])],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
  });
});
