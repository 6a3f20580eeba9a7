import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

// `tsx lib/cli/bench/profile-summary.ts <file.cpuprofile> [top N]`: where a CPU profile's time went, by package, by
// source file and by function, self and inclusive (a function's own samples plus its callees', counted once per
// stack). Frames in Next's bundled chunks are mapped back to their sources through the chunks' source maps.

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
type Place = { fn: string; file: string; pkg: string; area: string };

// The areas README "Performance" reports, by source path (first match); self time only, so they add up.
const AREAS: [string, RegExp][] = [
  ['RSC payload: React Flight server (renders our server components)', /react-server-dom-turbopack-server/],
  ['HTML: React DOM server rendering', /react-dom-server/],
  ['RSC payload decoded again for the HTML (Flight client)', /react-server-dom-turbopack-client/],
  ['next/link', /app-dir\/link/],
  ['payload escaped into inline scripts (htmlescape)', /htmlescape/],
  ['translations (next-intl, use-intl, intl-messageformat)', /use-intl|next-intl|intl-messageformat|formatjs/],
  ['database client (postgres.js, drizzle)', /postgres\/src|drizzle-orm|node_modules\/src\//],
  ['session (Auth.js, jose, hkdf)', /jose|@auth|%40auth|next-auth|panva/],
  ['gzip (compression)', /compression|node:zlib/],
  ['our code (app, components, lib, proxy.ts)', /^(\.\.\/)*(app|components|lib|db)\/|proxy\.ts|%5Blocale%5D/],
  ['Next.js server, router, proxy adapter', /next\/|webpack:\/\/next|\/src\/server|\/src\/shared|turbopack/],
  ['Node: streams, sockets, buffers, async hooks', /^node:/],
  ['V8 built-ins (JSON, strings, regexps) and native', /^$/],
];

const [file, topArg = '40'] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top N]');
const TOP = Number(topArg);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const maps = new Map<string, SourceMap | null>();
function sourceMapOf(url: string): SourceMap | null {
  if (!maps.has(url)) {
    let map: SourceMap | null = null;
    try {
      const path = url.startsWith('file://') ? fileURLToPath(url) : url;
      if (existsSync(`${path}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8')));
    } catch {
      map = null;
    }
    maps.set(url, map);
  }
  return maps.get(url) ?? null;
}

/** node_modules/<pkg> (or @scope/pkg), next's own compiled copies by name, the app's files as "app". */
function packageOf(source: string): string {
  const compiled = /next\/dist\/compiled\/([^/]+)/.exec(source);
  if (compiled) return `next/compiled/${compiled[1]}`;
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (modules) return modules[1] ?? source;
  if (source.startsWith('node:') || source === '') return source === '' ? '(native/vm)' : 'node';
  return 'app';
}

function placeOf(frame: CallFrame): Place {
  let source = frame.url;
  let fn = frame.functionName || '(anonymous)';
  const map = frame.url ? sourceMapOf(frame.url) : null;
  if (map) {
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number; name?: string };
    if (entry.originalSource) {
      source = entry.originalSource;
      if (entry.name && fn === '(anonymous)') fn = entry.name;
    }
  }
  source = source
    .replace(/^turbopack:\/\/\/\[project\]\//, '')
    .replace(/^file:\/\//, '')
    .replace(/^.*?\/node_modules\//, 'node_modules/');
  const special = ['(garbage collector)', '(idle)', '(program)', '(root)'].includes(frame.functionName);
  if (special) return { fn: frame.functionName, file: frame.functionName, pkg: frame.functionName, area: frame.functionName };
  const area = AREAS.find(([, pattern]) => pattern.test(source))?.[0] ?? 'other';
  return { fn: `${fn} ${source.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`, file: source, pkg: packageOf(source), area };
}

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const places = new Map(profile.nodes.map((node) => [node.id, placeOf(node.callFrame)]));

// Each sample's time is the delta to the next sample.
const sampleMs = new Map<number, number>();
profile.samples.forEach((id, index) => {
  const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
  sampleMs.set(id, (sampleMs.get(id) ?? 0) + ms);
});
let total = 0;
let idle = 0;
const areas = new Map<string, number>();
const tables = {
  pkg: [new Map<string, number>(), new Map<string, number>()],
  file: [new Map<string, number>(), new Map<string, number>()],
  fn: [new Map<string, number>(), new Map<string, number>()],
} as const;
for (const [id, ms] of sampleMs) {
  const self = places.get(id);
  if (!self) continue;
  if (self.pkg === '(idle)') {
    idle += ms;
    continue;
  }
  total += ms;
  areas.set(self.area, (areas.get(self.area) ?? 0) + ms);
  for (const key of ['pkg', 'file', 'fn'] as const) tables[key][0].set(self[key], (tables[key][0].get(self[key]) ?? 0) + ms);
  // Inclusive: every distinct place on the stack, once.
  const seen = { pkg: new Set<string>(), file: new Set<string>(), fn: new Set<string>() };
  for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
    const place = places.get(node);
    if (!place || byId.get(node)?.callFrame.functionName === '(root)') continue;
    for (const key of ['pkg', 'file', 'fn'] as const) seen[key].add(place[key]);
  }
  for (const key of ['pkg', 'file', 'fn'] as const)
    for (const name of seen[key]) tables[key][1].set(name, (tables[key][1].get(name) ?? 0) + ms);
}

console.log(`${file}: ${(total / 1000).toFixed(2)} s busy, ${(idle / 1000).toFixed(2)} s idle`);
console.log('\n== by area, self (% of busy)');
for (const [name, ms] of [...areas.entries()].sort((a, b) => b[1] - a[1]))
  console.log(`${((100 * ms) / total).toFixed(1).padStart(6)} %  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
for (const key of ['pkg', 'file', 'fn'] as const) {
  const [self, inclusive] = tables[key];
  for (const [label, table] of [
    ['self', self],
    ['inclusive', inclusive],
  ] as const) {
    console.log(`\n== by ${key}, ${label} (% of busy)`);
    const sorted = [...table.entries()].sort((a, b) => b[1] - a[1]).slice(0, key === 'pkg' ? 25 : TOP);
    for (const [name, ms] of sorted)
      console.log(`${((100 * ms) / total).toFixed(1).padStart(6)} %  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
  }
}
