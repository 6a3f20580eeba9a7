import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { createSheetWriter } from './sheet-writer.mjs';

// The worker behind lib/xlsx/stream.ts: workerData is the sheet; { kind: 'rows' } messages are written and
// answered with { kind: 'written' } (the sender's flow control), { kind: 'end' } finishes the file. The zip's
// bytes go back as { kind: 'bytes' }, transferred. A throw ends the worker with an 'error' on the other side.
if (!parentPort) throw new Error('lib/xlsx/worker.mjs runs only as a worker thread');
const port = parentPort;
// On Linux a thread has its own nice value: this one yields the CPU to the server's page requests whenever they
// want it, and takes what is idle otherwise. /proc/thread-self names this thread's id; elsewhere it runs as it is.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {
  // not Linux, or not allowed: the same work at the same priority
}
const writer = createSheetWriter(workerData, (bytes) => port.postMessage({ kind: 'bytes', bytes }, [bytes.buffer]));

port.on('message', (message) => {
  if (message.kind === 'rows') {
    writer.writeRows(message.rows);
    port.postMessage({ kind: 'written' });
  } else if (message.kind === 'end') {
    writer.end();
    port.postMessage({ kind: 'done' });
    port.close();
  }
});
