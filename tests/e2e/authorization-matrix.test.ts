import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { MATRIX_ROWS } from '@/tests/authorization/all-rows';
import { callRow, loadActionRefs } from '@/tests/authorization/call';
import { expectedOutcome, isDebtorPrincipal, principalsFor } from '@/tests/authorization/expected';
import { databaseFingerprint, makeMatrixFixture } from '@/tests/authorization/fixture';
import { STAFF_CASES, staffFingerprint } from '@/tests/authorization/staff-accounts';
import { memberships } from '@/db/schema';
import type { SessionPrincipal } from '@/tests/authorization/types';
import { portalUrl } from '@/tests/helpers/e2e-portal';

// Every action and route handler, called as every principal against the built portal (see tests/authorization/types.ts).
const handle = openDatabase(process.env.DATABASE_URL, { max: 2 });
const called = MATRIX_ROWS.filter((row) => !row.notCalled);
const cells = called.flatMap((row) =>
  principalsFor(row).map((principal) => ({ row, principal, expected: expectedOutcome(row.needs, principal) })),
);

describe('the authorisation matrix', () => {
  const refs = loadActionRefs();

  it.each(cells.map((cell) => [`${cell.row.file} ${cell.row.name}`, cell.principal, cell.expected, cell] as const))(
    '%s as %s: %s',
    async (_name, principal, expected, { row }) => {
      const { fixture, credentials } = await makeMatrixFixture(handle.db);
      // Rows may insert what the call refers to; the fingerprint is taken after that, just before the call.
      // Keys and debtors own nothing a row could be about (a draft, a session): they call as nobody in particular.
      const input = await row.input(
        fixture,
        principal in fixture.apiKeys || isDebtorPrincipal(principal) ? 'anonymous' : (principal as SessionPrincipal),
      );
      const before = await databaseFingerprint(handle.db, fixture);
      const result = await callRow(portalUrl(), refs, row, input, fixture, credentials[principal]);
      const after = await databaseFingerprint(handle.db, fixture);
      expect({ outcome: result.outcome, detail: expected === result.outcome ? '' : result.detail }).toEqual({
        outcome: expected,
        detail: '',
      });
      if (expected !== 'allowed') expect(after, 'a refused call changed the database').toEqual(before);
      else if (row.writes) expect(after, 'an allowed write changed nothing: is the row’s input valid?').not.toEqual(before);
    },
  );

  it.each(STAFF_CASES.map((c) => [c.row.name, c] as const))(
    '%s aimed at an agency staff account by the company’s Administrator touches no staff account',
    async (_name, { row, touchesCompany }) => {
      const { fixture, credentials } = await makeMatrixFixture(handle.db);
      // A staff account that is a member of company A (from before, or by accident): still not the creditor's to manage.
      await handle.db.insert(memberships).values({ companyId: fixture.companyId, userId: fixture.users.staff.id, role: 'read' });
      const staffAccount = () => staffFingerprint(handle.db, fixture.users.staff.id);
      const input = await row.input(fixture, 'admin');
      const before = await databaseFingerprint(handle.db, fixture);
      const staffBefore = await staffAccount();
      const result = await callRow(portalUrl(), refs, row, input, fixture, credentials.admin);
      expect(result.outcome).not.toBe('error');
      expect(await staffAccount()).toEqual(staffBefore);
      if (!touchesCompany) expect(await databaseFingerprint(handle.db, fixture)).toEqual(before);
    },
  );

  it('closes its database handle', async () => {
    await handle.close();
  });
});
