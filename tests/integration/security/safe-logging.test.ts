import { Writable } from 'node:stream';
import { Console } from 'node:console';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { debtors } from '@/db/schema';
import { installSafeLogging } from '@/lib/safe-logging';
import { makeCompany } from '@/tests/helpers/factories';

/** A console whose output we read, with the portal's safe logging installed as instrumentation.ts does. */
function capturedConsole() {
  let output = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output += chunk.toString();
      done();
    },
  });
  const target = new Console({ stdout: sink, stderr: sink });
  installSafeLogging(target);
  return { target, output: () => output };
}

describe('database errors in the logs', () => {
  it('are logged with their code and constraint, never with the debtor data in the query parameters or the key', async () => {
    const company = await makeCompany(db);
    const debtor = {
      companyId: company.id,
      customerNumber: 'K-778899',
      kind: 'person' as const,
      name: 'Kari Nordmann',
      searchName: 'kari nordmann',
      nationalId: '01017012345',
      addressLine: 'Storgata 1',
    };
    await db.insert(debtors).values(debtor);
    const error = await db
      .insert(debtors)
      .values(debtor)
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(Error);
    const { target, output } = capturedConsole();
    // As Next logs a failed action (the error itself) and as a message already formatted into text.
    target.error('⨯', error);
    target.error(`[jobs] ${(error as Error).message}`);
    target.warn(error);
    const logged = output();
    expect(logged).toContain('23505');
    expect(logged).toContain('debtors_company_customer_number_key');
    for (const secret of ['Kari Nordmann', 'kari nordmann', '01017012345', 'K-778899', 'Storgata 1']) expect(logged).not.toContain(secret);
  });

  it('leaves other errors as they are', () => {
    const { target, output } = capturedConsole();
    target.error(new Error('the webhook endpoint answered 500'));
    expect(output()).toContain('the webhook endpoint answered 500');
  });
});
