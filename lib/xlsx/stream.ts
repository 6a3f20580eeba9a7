import path from 'node:path';
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';

/** A cell: text (always a string cell, never a formula), a number (styled by its column's format) or empty. */
export type SheetCell = string | number | null;
export type SheetColumn = { header: string; width: number; format?: string };
export type Sheet = { name: string; columns: SheetColumn[] };

type FromWorker = { kind: 'bytes'; bytes: Uint8Array } | { kind: 'written' } | { kind: 'done' };

// A plain .mjs that Node loads from the checkout (`next start` and the tests run in its root): Turbopack bundles
// only `new Worker(new URL(…))`, so a path keeps the worker outside the build, the same file in tests and production.
const WORKER_FILE = path.join(process.cwd(), 'lib', 'xlsx', 'worker.mjs');
// Batches sent but not yet written: with the output's own buffer, what bounds memory whatever the download's speed.
const MAX_BATCHES_IN_FLIGHT = 2;
const OUTPUT_BUFFER = 1 << 20;

/**
 * The sheet as .xlsx bytes, written in a worker thread while `batches` are read on this one: the next batch is
 * fetched while the worker writes the last. Reads wait while two batches are unwritten or the reader is 1 MB
 * behind. Destroying the stream (a closed download) ends the worker and stops the batches; a failure on either
 * side destroys it with the error, so a half-written file never ends as a complete one.
 */
export function sheetStream(sheet: Sheet, batches: AsyncIterable<readonly (readonly SheetCell[])[]>): Readable {
  const worker = new Worker(WORKER_FILE, {
    workerData: sheet,
    // None of the server's own flags: `npm start` runs it under tsx, whose loader hooks would load in the thread too.
    execArgv: [],
    // The writer keeps a chunk of rows and its deflate alive, a few MB: small heaps collect its garbage early.
    resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 },
  });
  let inFlight = 0;
  let done = false;
  let wake: (() => void) | undefined;
  const resume = () => {
    const waiting = wake;
    wake = undefined;
    waiting?.();
  };
  const output = new Readable({
    highWaterMark: OUTPUT_BUFFER,
    read: resume,
    // 'close' comes once the worker is gone.
    destroy(error, callback) {
      resume();
      worker.terminate().then(
        () => callback(error),
        () => callback(error),
      );
    },
  });
  worker.on('message', (message: FromWorker) => {
    if (message.kind === 'bytes') output.push(message.bytes);
    else if (message.kind === 'written') {
      inFlight--;
      resume();
    } else {
      done = true;
      output.push(null);
    }
  });
  worker.on('error', (error) => output.destroy(error));
  worker.on('exit', (code) => {
    if (!done) output.destroy(new Error(`the xlsx worker stopped (exit code ${code}) before the file was complete`));
  });

  const mustWait = () => !output.destroyed && (inFlight >= MAX_BATCHES_IN_FLIGHT || output.readableLength >= OUTPUT_BUFFER);
  const feed = async () => {
    const iterator = batches[Symbol.asyncIterator]();
    try {
      for (;;) {
        while (mustWait()) await new Promise<void>((resolve) => (wake = resolve));
        if (output.destroyed) return;
        const next = await iterator.next();
        if (next.done) break;
        if (output.destroyed) return;
        inFlight++;
        worker.postMessage({ kind: 'rows', rows: next.value });
      }
      worker.postMessage({ kind: 'end' });
    } catch (error) {
      output.destroy(error instanceof Error ? error : new Error(String(error)));
    } finally {
      if (output.destroyed) await Promise.resolve(iterator.return?.()).catch(() => undefined);
    }
  };
  void feed();
  return output;
}
