import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { debtors } from '@/db/schema';
import { createDebtorSession, DEBTOR_SESSION_IDLE_MS, getLiveDebtorSession, revokeDebtorSession } from '@/lib/auth/debtor-session';
import { findDebtorCaseCompany, type DebtorActor } from '@/lib/auth/gate/debtor-scope';
import { listDebtorCases } from '@/lib/debtors/queries';
import { makeCase } from '@/tests/helpers/case-factories';
import { makeCompany } from '@/tests/helpers/factories';

const KARI = '15108695088';
const OLA = '01037510064';
const FJORDLYS = '914752817';

async function caseOf(companyId: string, debtor: Partial<typeof debtors.$inferInsert>) {
  const made = await makeCase(db, { companyId });
  await db.update(debtors).set(debtor).where(eq(debtors.id, made.debtor.id));
  return made;
}

const person = (nationalId: string, organisationNumbers: string[] = []): DebtorActor => ({
  kind: 'person',
  sessionId: 'test',
  nationalId,
  name: null,
  organisationNumbers,
});

describe('which cases a debtor sees', () => {
  it('a person sees their cases at every creditor, a signatory the company’s too, and nobody else’s', async () => {
    const [a, b] = [await makeCompany(db), await makeCompany(db)];
    const kariAtA = await caseOf(a.id, { nationalId: KARI });
    const kariAtB = await caseOf(b.id, { nationalId: KARI });
    const olaOwn = await caseOf(a.id, { nationalId: OLA });
    const fjordlys = await caseOf(b.id, { kind: 'company', organisationNumber: FJORDLYS, nationalId: null });
    // A person debtor row that happens to carry the org number is not the company's case.
    const stranger = await caseOf(a.id, { nationalId: null, organisationNumber: FJORDLYS });

    const kari = person(KARI);
    expect((await listDebtorCases(kari)).map((row) => row.id).sort()).toEqual([kariAtA.id, kariAtB.id].sort());
    expect(await findDebtorCaseCompany(db, kari, kariAtB.id)).toBe(b.id);
    for (const foreign of [olaOwn, fjordlys, stranger]) expect(await findDebtorCaseCompany(db, kari, foreign.id)).toBeNull();

    const olaWithoutRights = person(OLA);
    expect((await listDebtorCases(olaWithoutRights)).map((row) => row.id)).toEqual([olaOwn.id]);
    const olaSignatory = person(OLA, [FJORDLYS]);
    expect((await listDebtorCases(olaSignatory)).map((row) => row.id).sort()).toEqual([olaOwn.id, fjordlys.id].sort());
    expect(await findDebtorCaseCompany(db, olaSignatory, stranger.id)).toBeNull();
  });

  it('a letter-code session sees its one case only', async () => {
    const company = await makeCompany(db);
    const mine = await caseOf(company.id, { nationalId: KARI });
    const sibling = await caseOf(company.id, { nationalId: KARI });
    const actor: DebtorActor = { kind: 'letterCode', sessionId: 'test', caseId: mine.id };
    expect((await listDebtorCases(actor)).map((row) => row.id)).toEqual([mine.id]);
    expect(await findDebtorCaseCompany(db, actor, mine.id)).toBe(company.id);
    expect(await findDebtorCaseCompany(db, actor, sibling.id)).toBeNull();
  });

  it('shows today’s claim from the same source as the creditor’s page (claimToday)', async () => {
    const company = await makeCompany(db);
    const made = await caseOf(company.id, { nationalId: OLA });
    const [row] = (await listDebtorCases(person(OLA))).filter((found) => found.id === made.id);
    expect(row?.claim.totalOre).toBe(made.balanceOre);
  });
});

describe('debtor sessions', () => {
  it('live by a token stored only as its hash; end when revoked or idle for 30 minutes', async () => {
    const company = await makeCompany(db);
    const made = await caseOf(company.id, { nationalId: KARI });
    const now = new Date();
    const { token } = await createDebtorSession(db, { kind: 'letter_code', caseId: made.id }, now);
    const live = await getLiveDebtorSession(db, token, now);
    expect(live).toMatchObject({ kind: 'letter_code', caseId: made.id });
    expect(live?.tokenHash).not.toContain(token);
    expect(await getLiveDebtorSession(db, token, new Date(now.getTime() + DEBTOR_SESSION_IDLE_MS + 1000))).toBeNull();
    expect(await getLiveDebtorSession(db, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, now)).toBeNull();
    await revokeDebtorSession(db, token);
    expect(await getLiveDebtorSession(db, token, now)).toBeNull();
  });
});
