import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { letterAccessCodes, letters, signInAttempts, type Letter } from '@/db/schema';
import { matchesCode } from '@/lib/auth/code-hash';
import { formatLetterCode, letterAccessCode, LETTER_CODE_ALPHABET, LETTER_CODE_VALID_DAYS } from '@/lib/auth/letter-code';
import { MAX_FAILURES_PER_ACCOUNT_ADDRESS, MAX_FAILURES_PER_IP } from '@/lib/auth/throttle';
import { verifyLetterCode } from '@/lib/debtors/letter-sign-in';
import { letterSignInSchema } from '@/lib/debtors/schemas';
import { plusDays } from '@/lib/engine/rules';
import { runEngine } from '@/lib/engine/run';
import { loadTables } from '@/lib/engine/tables';
import { letterWords } from '@/lib/letters/words';
import { makeOverdueCase, onDay } from '@/tests/helpers/engine-factories';
import { makeCompany } from '@/tests/helpers/factories';

const AGENCY = { name: 'Testbyrå Inkasso AS', organisationNumber: '123456785', email: 'post@testbyra.no', phone: '22 33 44 55' };
const DUE_ON = '2025-05-20';
let caseNumber: number;
let caseId: string;
let otherCaseNumber: number;
let sent: Letter[];
let address = 0;
// Every test its own address, so the throttle of one test never refuses another's.
const nextClient = () => ({ ipAddress: `10.77.0.${++address}` });

function input(number: number, code: string) {
  return letterSignInSchema.parse({ caseNumber: String(number), code });
}

beforeAll(async () => {
  const company = await makeCompany(db);
  const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: DUE_ON });
  const other = await makeOverdueCase(db, { companyId: company.id, dueOn: DUE_ON });
  for (let day = 0; day <= 35; day += 1) await runEngine(db, { now: onDay(plusDays(DUE_ON, day)), companyId: company.id });
  sent = await db.select().from(letters).where(eq(letters.caseId, debtCase.id)).orderBy(asc(letters.sentOn));
  expect(sent.length).toBeGreaterThanOrEqual(2);
  caseNumber = debtCase.caseNumber;
  caseId = debtCase.id;
  otherCaseNumber = other.caseNumber;
});

const soon = () => onDay(plusDays(sent.at(-1)!.sentOn, 3));

describe('the code printed on every letter', () => {
  it('is stored only as a peppered hash, one per letter the engine sent', async () => {
    const rows = await db.select().from(letterAccessCodes).where(eq(letterAccessCodes.caseId, caseId));
    expect(rows.map((row) => row.letterId).sort()).toEqual(sent.map((letter) => letter.id).sort());
    for (const row of rows) {
      const code = letterAccessCode(row.letterId);
      expect(code).toMatch(new RegExp(`^[${LETTER_CODE_ALPHABET}]{12}$`));
      expect(row.codeHash).toMatch(/^h1\$/);
      expect(row.codeHash).not.toContain(code);
      expect(matchesCode(code, row.codeHash)).toBe(true);
    }
    // Two letters, two different codes.
    expect(new Set(sent.map((letter) => letterAccessCode(letter.id))).size).toBe(sent.length);
  });

  it('is printed on the debtor’s copy of the letter (HTML/PDF words), with the case number', async () => {
    const { rates } = await loadTables(db);
    const letter = sent[0]!;
    const code = formatLetterCode(letterAccessCode(letter.id));
    const words = letterWords(letter, {
      currency: 'NOK',
      locale: 'nb',
      agency: AGENCY,
      rates,
      access: { url: 'https://portal.example/nb/min-side', code },
    });
    expect(words.payment).toContainEqual(['Kode for Min side', code]);
    expect(words.paragraphs.join(' ')).toContain(`saksnummer ${caseNumber} og koden ${code}`);
  });
});

describe('signing in with case number and letter code', () => {
  it('opens that one case with any of its letters’ codes, typed loosely (lower case, spaces)', async () => {
    for (const letter of sent) {
      const loose = formatLetterCode(letterAccessCode(letter.id)).toLowerCase().replace('-', ' ');
      await expect(verifyLetterCode(db, input(caseNumber, loose), nextClient(), soon())).resolves.toEqual({ ok: true, caseId });
    }
  });

  it('refuses a wrong code, another case’s number, an unknown case and an expired code alike', async () => {
    const code = letterAccessCode(sent[0]!.id);
    const wrong = code.slice(0, -1) + (code.endsWith('2') ? '3' : '2');
    const client = nextClient();
    await expect(verifyLetterCode(db, input(caseNumber, wrong), client, soon())).resolves.toEqual({ ok: false, reason: 'invalid' });
    await expect(verifyLetterCode(db, input(otherCaseNumber, code), client, soon())).resolves.toEqual({ ok: false, reason: 'invalid' });
    await expect(verifyLetterCode(db, input(999_999_999, code), client, soon())).resolves.toEqual({ ok: false, reason: 'invalid' });
    const expired = onDay(plusDays(sent[0]!.sentOn, LETTER_CODE_VALID_DAYS + 2));
    const newest = letterAccessCode(sent.at(-1)!.id);
    await expect(verifyLetterCode(db, input(caseNumber, code), nextClient(), expired)).resolves.toEqual({ ok: false, reason: 'invalid' });
    // A later letter's code lives on a while longer.
    const stillValid = onDay(plusDays(sent.at(-1)!.sentOn, LETTER_CODE_VALID_DAYS - 1));
    await expect(verifyLetterCode(db, input(caseNumber, newest), nextClient(), stillValid)).resolves.toEqual({ ok: true, caseId });
  });

  it('rejects malformed input with a message beside the field', () => {
    const tooShort = letterSignInSchema.safeParse({ caseNumber: '12a', code: 'ABC' });
    expect(tooShort.success).toBe(false);
    const messages = Object.fromEntries(tooShort.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(messages).toEqual({ caseNumber: 'minSide.errors.caseNumberFormat', code: 'minSide.errors.codeFormat' });
    // Look-alikes (0, O, 1, I, L) are not in the alphabet: a code with them cannot be one of ours.
    expect(letterSignInSchema.safeParse({ caseNumber: '1', code: 'ABCD-EFGH-JK0O' }).success).toBe(false);
  });
});

describe('the throttle under a parallel burst', () => {
  it('checks at most five of fifty parallel guesses for one case from one address; the owner elsewhere still gets in', async () => {
    const attacker = nextClient();
    const guesses = Array.from(
      { length: 50 },
      (_, i) => `${'ABCDEFGHJKMN'.slice(0, 10)}${LETTER_CODE_ALPHABET[i % 31]}${LETTER_CODE_ALPHABET[(i * 7) % 31]}`,
    );
    const results = await Promise.all(guesses.map((guess) => verifyLetterCode(db, input(caseNumber, guess), attacker, soon())));
    const checked = results.filter((result) => !result.ok && result.reason === 'invalid').length;
    expect(checked).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT_ADDRESS);
    expect(results.filter((result) => !result.ok && result.reason === 'throttled')).toHaveLength(50 - checked);
    const right = letterAccessCode(sent[0]!.id);
    // Locked for this address even with the right code; another address is not.
    await expect(verifyLetterCode(db, input(caseNumber, right), attacker, soon())).resolves.toEqual({ ok: false, reason: 'throttled' });
    await expect(verifyLetterCode(db, input(caseNumber, right), nextClient(), soon())).resolves.toEqual({ ok: true, caseId });
  });

  it('locks an address (its /64 for IPv6) that guesses across many case numbers', async () => {
    const prefix = '2001:db8:77:1';
    const results = await Promise.all(
      Array.from({ length: MAX_FAILURES_PER_IP + 10 }, (_, i) =>
        verifyLetterCode(db, input(800_000_000 + i, 'ABCDEFGHJKMN'), { ipAddress: `${prefix}::${(i + 1).toString(16)}` }, soon()),
      ),
    );
    expect(results.filter((result) => !result.ok && result.reason === 'invalid').length).toBeLessThanOrEqual(MAX_FAILURES_PER_IP);
    expect(results.filter((result) => !result.ok && result.reason === 'throttled').length).toBeGreaterThanOrEqual(10);
    const recorded = await db
      .select()
      .from(signInAttempts)
      .where(eq(signInAttempts.ipAddress, `${prefix}::/64`));
    expect(recorded.length).toBeLessThanOrEqual(MAX_FAILURES_PER_IP);
  });
});
