import { performance } from 'node:perf_hooks';

export type Sample = { ms: number; status: number; bytes: number };
export type Summary = { count: number; p50: number; p95: number; max: number; rps: number; statuses: Record<number, number> };

/** The q-th quantile (0–1) of sorted numbers, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

export function summarise(samples: readonly Sample[], wallMs: number): Summary {
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const statuses: Record<number, number> = {};
  for (const sample of samples) statuses[sample.status] = (statuses[sample.status] ?? 0) + 1;
  return {
    count: samples.length,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    rps: samples.length / (wallMs / 1000),
    statuses,
  };
}

/** One GET with the session cookie, the whole body read (a page is only done when it has arrived). */
export async function timedGet(url: string, cookie: string): Promise<Sample> {
  const started = performance.now();
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, bytes: body.byteLength };
}

/**
 * `clients` workers, each sending `requestsPerClient` requests one after another (so at most `clients` are in
 * flight): the load of that many users clicking without pause. `nextUrl` picks each request's URL.
 */
export async function runLoad(options: { clients: number; requestsPerClient: number; cookie: string; nextUrl: () => string }) {
  const samples: Sample[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      for (let i = 0; i < options.requestsPerClient; i++) samples.push(await timedGet(options.nextUrl(), options.cookie));
    }),
  );
  return summarise(samples, performance.now() - started);
}
