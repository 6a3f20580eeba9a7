import { readFileSync } from 'node:fs';

// npx tsx lib/cli/bench/heap-summary.ts before.heapsnapshot after.heapsnapshot
// Two V8 heap snapshots (bench:load --heap-snapshots writes one per instance after the warm-up and one at the end)
// summed by constructor: what the heap holds after a full GC and what grew in between. A snapshot is taken after a
// full collection, so its total is the live heap; RSS far above it is V8 not collecting, not a leak.

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
};
type Totals = Map<string, { count: number; bytes: number }>;

function byConstructor(file: string): Totals {
  const heap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field)) as [number, number, number];
  const totals: Totals = new Map();
  for (let i = 0; i < heap.nodes.length; i += fields.length) {
    const type = types[heap.nodes[i + typeAt] ?? 0] ?? '?';
    // Objects by their constructor's name; strings, code, arrays and the rest by their kind.
    const key = type === 'object' || type === 'native' ? (heap.strings[heap.nodes[i + nameAt] ?? 0] ?? '?') : `(${type})`;
    const entry = totals.get(key) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += heap.nodes[i + sizeAt] ?? 0;
    totals.set(key, entry);
  }
  return totals;
}

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error('usage: tsx lib/cli/bench/heap-summary.ts before.heapsnapshot after.heapsnapshot');
  process.exit(1);
}
const before = byConstructor(beforeFile);
const after = byConstructor(afterFile);
const mb = (bytes: number) => (bytes / 1e6).toFixed(2);
const total = (totals: Totals) => [...totals.values()].reduce((sum, entry) => sum + entry.bytes, 0);
console.log(`Live heap: ${mb(total(before))} MB → ${mb(total(after))} MB`);
const rows = [...new Set([...before.keys(), ...after.keys()])].map((key) => {
  const was = before.get(key) ?? { count: 0, bytes: 0 };
  const now = after.get(key) ?? { count: 0, bytes: 0 };
  return { key, was, now, grew: now.bytes - was.bytes };
});
console.log('\n| constructor | count before → after | MB before → after | grew MB |\n|---|---|---|---|');
for (const row of rows.sort((a, b) => b.grew - a.grew).slice(0, 25))
  console.log(
    `| ${row.key.slice(0, 60)} | ${row.was.count} → ${row.now.count} | ${mb(row.was.bytes)} → ${mb(row.now.bytes)} | ${mb(row.grew)} |`,
  );
console.log('\nLargest after:');
for (const row of rows.sort((a, b) => b.now.bytes - a.now.bytes).slice(0, 12))
  console.log(`  ${row.key.slice(0, 60).padEnd(60)} ${mb(row.now.bytes)} MB`);
