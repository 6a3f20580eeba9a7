import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { caseCollection, letters } from '@/db/schema';
import { addRate } from '@/lib/desk/rates/mutations';
import { addRateSchema } from '@/lib/desk/rates/schemas';
import { missingRates } from '@/lib/desk/rates/warnings';
import { runEngine } from '@/lib/engine/run';
import { loadTables } from '@/lib/engine/tables';
import { DomainError } from '@/lib/errors';
import { makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { makeOverdueCase, onDay } from '@/tests/helpers/engine-factories';
import { makeCompany } from '@/tests/helpers/factories';

/** What the desk's form posts, through its schema, as the action does. */
async function enterOnDesk(form: { kind: string; validFrom: string; value: string; source: string }) {
  const staff = await makeStaff(db);
  const parsed = addRateSchema.parse(form);
  await db.transaction((tx) => addRate(tx, staff, parsed));
}

async function warningsOn(today: string) {
  return missingRates(await loadTables(db), today);
}

describe('rates entered on the desk (this file’s own database: no demo rates)', () => {
  it('a missing 2027 rate is on the desk’s warning from 1 December; entering it lets the engine go on', async () => {
    await enterOnDesk({ kind: 'interest', validFrom: '2026-07-01', value: '12,00', source: 'Norges Bank, rentemøte juni 2026' });
    await enterOnDesk({ kind: 'standard_compensation', validFrom: '2026-07-01', value: '460', source: 'Finansdepartementet, juni 2026' });
    // November: only the current half-year counts, and it is complete.
    expect(await warningsOn('2026-11-30')).toEqual([]);
    expect(await warningsOn('2026-12-01')).toEqual([
      { kind: 'interest', halfYearFrom: '2027-01-01' },
      { kind: 'standard_compensation', halfYearFrom: '2027-01-01' },
    ]);

    const company = await makeCompany(db);
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2026-12-20' });
    expect(await runEngine(db, { now: onDay('2027-01-10'), companyId: company.id })).toMatchObject({ letters: 0, errors: 1 });
    const [stopped] = await db.select().from(caseCollection).where(eq(caseCollection.caseId, debtCase.id));
    expect(stopped).toMatchObject({ errorCode: 'missingInterestRate', errorOn: '2027-01-01' });

    await enterOnDesk({ kind: 'interest', validFrom: '2027-01-01', value: '11,75', source: 'Norges Bank, rentemøte desember 2026' });
    expect(await warningsOn('2026-12-07')).toEqual([{ kind: 'standard_compensation', halfYearFrom: '2027-01-01' }]);
    expect(await runEngine(db, { now: onDay('2027-01-10'), companyId: company.id })).toMatchObject({ letters: 1, errors: 0 });
    const [cleared] = await db.select().from(caseCollection).where(eq(caseCollection.caseId, debtCase.id));
    expect(cleared?.errorCode).toBeNull();
    const [letter] = await db.select().from(letters).where(eq(letters.caseId, debtCase.id)).orderBy(asc(letters.sentOn));
    // The rate entered on the desk is the one the letter states: 11.75 % from the day after the due date.
    expect(letter).toMatchObject({ interestRateBasisPoints: 1_175, interestFromOn: '2026-12-21' });
  });

  it('merges the desk’s standardkompensasjon and inkassosats with the code’s tables; the code wins its own dates', async () => {
    await enterOnDesk({ kind: 'collection_rate', validFrom: '2028-01-01', value: '800', source: 'Inkassoforskriften, endring 2027' });
    await enterOnDesk({ kind: 'standard_compensation', validFrom: '2027-07-01', value: '470,50', source: 'Finansdepartementet' });
    const tables = await loadTables(db);
    expect(tables.collectionRate.at(-1)).toEqual({ validFrom: '2028-01-01', amountOre: 80_000 });
    expect(tables.compensation).toContainEqual({ validFrom: '2027-07-01', amountOre: 47_050 });
    await expect(enterOnDesk({ kind: 'interest', validFrom: '2026-01-01', value: '5', source: 'a typo' })).rejects.toThrow(DomainError);
    await expect(
      enterOnDesk({ kind: 'collection_rate', validFrom: '2028-01-01', value: '900', source: 'entered twice' }),
    ).rejects.toMatchObject({ messageKey: 'desk.rates.errors.exists' });
    expect((await loadTables(db)).collectionRate.at(-1)?.amountOre).toBe(80_000);
  });

  it('refuses bad input with translated messages, field by field', () => {
    const issues = (form: Record<string, string>) => {
      const result = addRateSchema.safeParse(form);
      return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    };
    expect(issues({ kind: 'interest', validFrom: '2027-02-01', value: '12', source: 'Norges Bank' })).toEqual({
      validFrom: 'desk.rates.errors.halfYear',
    });
    expect(issues({ kind: 'interest', validFrom: '2027-01-01', value: '1225', source: 'Norges Bank' })).toEqual({
      value: 'desk.rates.errors.percent',
    });
    expect(issues({ kind: 'interest', validFrom: '2027-01-01', value: '12,255', source: 'Norges Bank' })).toEqual({
      value: 'desk.rates.errors.percent',
    });
    expect(issues({ kind: 'collection_rate', validFrom: '2027-03-15', value: '-5', source: 'x' })).toEqual({
      source: 'desk.rates.errors.source',
    });
    expect(issues({ kind: 'collection_rate', validFrom: '2027-03-15', value: '0', source: 'Forskrift' })).toEqual({
      value: 'desk.rates.errors.amount',
    });
    expect(issues({ kind: 'fee', validFrom: '2027-02-30', value: '1', source: 'Forskrift' })).toMatchObject({
      kind: 'desk.rates.errors.kind',
      validFrom: 'desk.rates.errors.date',
    });
    expect(addRateSchema.parse({ kind: 'collection_rate', validFrom: '2027-03-15', value: '812,50', source: 'Forskrift' })).toEqual({
      kind: 'collection_rate',
      validFrom: '2027-03-15',
      value: 81_250,
      source: 'Forskrift',
    });
  });
});
