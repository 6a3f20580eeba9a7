/**
 * The served portal's memory settings (README: Memory under load). V8 sizes its heap from the machine's memory (a
 * quarter of it, here 24 GB → ~4 GB) and collects lazily: RSS climbed to ~1 GB while the live heap after a full
 * collection was a fraction of that (~100 MB under load since serve.ts's fixes). With an old-space limit it collects
 * before it grows past it; smaller young-generation semi-spaces and two malloc arenas trim the rest.
 */
export const SERVER_HEAP_MB = 256;
const SEMI_SPACE_MB = 8;

/** The environment for a served portal with that heap limit (0: V8's defaults), on top of the caller's NODE_OPTIONS. */
export function servedProcessEnv(heapMb = SERVER_HEAP_MB, inherited = process.env.NODE_OPTIONS ?? ''): Record<string, string> {
  if (heapMb <= 0) return inherited ? { NODE_OPTIONS: inherited } : {};
  const options = [inherited, `--max-old-space-size=${heapMb}`, `--max-semi-space-size=${SEMI_SPACE_MB}`].filter(Boolean).join(' ');
  // glibc makes up to 8 arenas per core for the threads (libuv's pool, V8's workers): each keeps freed memory.
  return { NODE_OPTIONS: options, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' };
}
