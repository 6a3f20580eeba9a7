import { readFileSync } from 'node:fs';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { todayInOslo } from '@/lib/dates';
import { importPaymentsFile } from '@/lib/debtor-payments/import';
import nb from '@/messages/nb.json';

// `npm run payments:import -- file.csv [--valid-lines]`: the desk's bank-file import from a terminal (the same
// code). Runs with the react-server condition so the server-only modules it shares with Next load outside it.

function reason(key: string): string {
  const [, group, name] = key.split('.');
  const table = (nb.debtorPayments as Record<string, Record<string, string>>)[group ?? ''];
  return table?.[name ?? ''] ?? key;
}

async function main(args: readonly string[]) {
  const file = args.find((arg) => !arg.startsWith('--'));
  if (!file) {
    console.error('Bruk: npm run payments:import -- fil.csv [--valid-lines]');
    process.exitCode = 2;
    return;
  }
  const handle = openDatabase();
  try {
    await migrateDatabase(handle);
    const outcome = await importPaymentsFile(handle.db, null, new Uint8Array(readFileSync(file)), {
      importValidLines: args.includes('--valid-lines'),
      today: todayInOslo(),
    });
    if (outcome.status === 'notText' || outcome.status === 'empty' || outcome.status === 'tooLarge') {
      console.error(
        { notText: nb.desk.payments.notText, empty: nb.desk.payments.emptyFile, tooLarge: nb.desk.payments.tooLarge }[outcome.status],
      );
      process.exitCode = 1;
      return;
    }
    for (const error of outcome.errors) console.error(`Linje ${error.line}: ${reason(error.reason)}`);
    if (outcome.status === 'refused') {
      console.error(`${nb.desk.payments.refused} (--valid-lines)`);
      process.exitCode = 1;
      return;
    }
    for (const result of outcome.results)
      console.log(`Linje ${result.line}: ${result.outcome}${result.outcome === 'unmatched' ? ` (${result.reason})` : ''}`);
  } finally {
    await handle.close();
  }
}

await main(process.argv.slice(2));
