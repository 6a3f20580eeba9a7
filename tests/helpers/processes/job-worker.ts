// A job worker in a process of its own (the test kills it with SIGKILL mid-job). Environment: DATABASE_URL and
// DATABASE_APPLICATION_NAME (so the test finds its connections in pg_stat_activity). Prints "ready" when working.
import { openDatabase } from '@/db/client';
import { startWorker } from '@/lib/jobs/worker';

const handle = openDatabase(process.env.DATABASE_URL, { max: 2 });
await startWorker(handle, { emailSender: null, smsSender: null });
console.log('ready');
