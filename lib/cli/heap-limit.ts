/**
 * The served portal's V8 heap limit (old space, MB). Without one V8 sizes the heap from the machine's memory (a
 * quarter of it, here 24 GB → ~4 GB) and collects lazily: RSS kept rising under load though the live heap after a
 * full collection stayed small (README: Memory under load). With the limit it collects before it grows past it.
 */
export const SERVER_HEAP_MB = 256;

/** NODE_OPTIONS for a served portal with that limit (0: V8's default), added to the caller's own. */
export function heapLimitOptions(heapMb = SERVER_HEAP_MB, inherited = process.env.NODE_OPTIONS ?? ''): string {
  return [inherited, heapMb > 0 ? `--max-old-space-size=${heapMb}` : ''].filter(Boolean).join(' ');
}
