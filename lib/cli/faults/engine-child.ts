import { openDatabase } from '@/db/client';
import { runEngine } from '@/lib/engine/run';
import { runSettlement } from '@/lib/settlements/run';
import { companies } from '@/db/schema';

// A run the fault check kills in the middle (the deploy that restarts an instance): `engine <url> <iso-now>` or
// `settlement <url> <period-end> <iso-now>`. Prints its result as JSON when it gets to the end.
const [mode, url, ...rest] = process.argv.slice(2);
const handle = openDatabase(url, { max: 2 });
if (mode === 'engine') {
  const result = await runEngine(handle.db, { now: new Date(rest[0] ?? ''), batchSize: 200 });
  console.log(JSON.stringify(result));
} else if (mode === 'settlement') {
  const periodEndOn = rest[0] ?? '';
  const outcomes: Record<string, string> = {};
  for (const { id } of await handle.db.select({ id: companies.id }).from(companies)) {
    outcomes[id] = (await handle.db.transaction((tx) => runSettlement(tx, id, periodEndOn, new Date(rest[1] ?? '')))).outcome;
  }
  console.log(JSON.stringify(outcomes));
} else {
  throw new Error(`unknown mode ${mode}`);
}
await handle.close();
