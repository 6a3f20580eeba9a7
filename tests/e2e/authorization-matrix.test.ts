import { describe, expect, inject, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { MATRIX_ROWS } from '@/tests/authorization/all-rows';
import { callRow, loadActionRefs } from '@/tests/authorization/call';
import { expectedOutcome, principalsFor } from '@/tests/authorization/expected';
import { databaseFingerprint, makeMatrixFixture } from '@/tests/authorization/fixture';
import type { SessionPrincipal } from '@/tests/authorization/types';

// Every action and route handler, called as every principal against the built portal (see tests/authorization/types.ts).
const handle = openDatabase(process.env.DATABASE_URL, { max: 2 });
const called = MATRIX_ROWS.filter((row) => !row.notCalled);
const cells = called.flatMap((row) => principalsFor(row).map((principal) => ({ row, principal, expected: expectedOutcome(row.needs, principal) })));

describe('the authorisation matrix', () => {
  const refs = loadActionRefs();

  it.each(cells.map((cell) => [`${cell.row.file} ${cell.row.name}`, cell.principal, cell.expected, cell] as const))(
    '%s as %s: %s',
    async (_name, principal, expected, { row }) => {
      const { fixture, credentials } = await makeMatrixFixture(handle.db);
      // Rows may insert what the call refers to; the fingerprint is taken after that, just before the call.
      const input = await row.input(fixture, principal in fixture.apiKeys ? 'anonymous' : (principal as SessionPrincipal));
      const before = await databaseFingerprint(handle.db, fixture);
      const result = await callRow(inject('baseUrl'), refs, row, input, fixture, credentials[principal]);
      const after = await databaseFingerprint(handle.db, fixture);
      expect({ outcome: result.outcome, detail: expected === result.outcome ? '' : result.detail }).toEqual({ outcome: expected, detail: '' });
      if (expected !== 'allowed') expect(after, 'a refused call changed the database').toEqual(before);
      else if (row.writes) expect(after, 'an allowed write changed nothing: is the row’s input valid?').not.toEqual(before);
    },
  );

  it('closes its database handle', async () => {
    await handle.close();
  });
});
