import { eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { letters } from '@/db/schema';
import { receiveDebtorPayment } from '@/lib/debtor-payments/mutations';
import { plusDays } from '@/lib/engine/rules';
import { runEngine } from '@/lib/engine/run';
import { bankReference, makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { signIn } from '@/tests/helpers/browser';
import { makeOverdueCase, onDay } from '@/tests/helpers/engine-factories';
import { makeCompany, makeUser } from '@/tests/helpers/factories';

const { db, page } = browserSuite();

let company: Awaited<ReturnType<typeof makeCompany>>;
let caseId: string;
let kid: string;
let backDatedCaseId: string;

beforeAll(async () => {
  company = await makeCompany(db, { name: 'Brevskriver AS' });
  const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2025-03-01' });
  caseId = debtCase.id;
  kid = debtCase.kid;
  // The engine with a moved clock: reminder on 15 March (deadline 29 March), notice the day after it, 30 March 2025.
  await runEngine(db, { now: onDay('2025-03-15'), companyId: company.id });
  await runEngine(db, { now: onDay('2025-03-30'), companyId: company.id });
  // A second case taken to the demand (16 April), then a payment dated 12 April (within the notice's deadline,
  // 13 April) registered on 19 April: the salær is taken back, with its reason in Historikk.
  const paidInTime = await makeOverdueCase(db, { companyId: company.id, dueOn: '2025-03-01' });
  backDatedCaseId = paidInTime.id;
  for (let day = 0; day < 34; day += 1) await runEngine(db, { now: onDay(plusDays('2025-03-15', day)), caseIds: [paidInTime.id] });
  const staff = await makeStaff(db);
  await db.transaction((tx) =>
    receiveDebtorPayment(
      tx,
      staff,
      { paidOn: '2025-04-12', kid: paidInTime.kid, amountOre: 1_016_932, payer: 'Ola', bankReference: bankReference() },
      'desk',
      onDay('2025-04-19'),
    ),
  );
});

const LABELS = {
  nb: {
    history: 'Historikk',
    open: 'Åpne brev',
    pdf: 'Last ned brevet (PDF)',
    title: 'Inkassovarsel',
    kid: 'KID',
    salaerBack: 'Salær kr 560,00 tilbakeført: betalt innen fristen i inkassovarselet.',
  },
  en: {
    history: 'History',
    open: 'Open letter',
    pdf: 'Download the letter (PDF)',
    title: 'Collection notice',
    kid: 'KID',
    salaerBack: 'Collection fee NOK 560.00 reversed: paid within the deadline of the debt collection notice.',
  },
} as const;

describe.each(['nb', 'en'] as const)('a letter from the engine in Historikk (%s)', (locale) => {
  it('opens with its payment information, and its PDF downloads and parses', async () => {
    const l = LABELS[locale];
    const p = page;
    await signIn(p, db, await makeUser(db, { locale, memberships: [{ companyId: company.id, role: 'read' }] }), locale);
    await p.goto(`/${locale}/cases/${caseId}?tab=history`);
    const [notice] = await db
      .select()
      .from(letters)
      .where(eq(letters.caseId, caseId))
      .then((rows) => rows.filter((row) => row.kind === 'notice'));
    const entry = p.locator('li', { has: p.getByRole('article', { name: l.title }) }).first();
    await p.getByText(l.open).first().click();
    await expect.poll(() => entry.isVisible()).toBe(true);
    const text = (await entry.innerText()).replace(/[\u00A0\u202F]/g, ' ');
    expect(text).toContain(kid);
    expect(text).toContain('8601 11 17947');
    const [download] = await Promise.all([p.waitForEvent('download'), entry.getByRole('link', { name: l.pdf }).click()]);
    const bytes = new Uint8Array(readFileSync(await download.path()));
    const { text: pdf } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    expect(pdf).toContain(kid);
    expect(pdf).toContain(locale === 'nb' ? 'Betalingsinformasjon' : 'Payment information');
    expect(notice?.deadlineOn).toBe('2025-04-13');
  });

  it('tells in Historikk why the salær was taken back when a payment turned out to be dated in time', async () => {
    const l = LABELS[locale];
    const p = page;
    await signIn(p, db, await makeUser(db, { locale, memberships: [{ companyId: company.id, role: 'read' }] }), locale);
    await p.goto(`/${locale}/cases/${backDatedCaseId}?tab=history`);
    const text = (await p.locator('main').innerText()).replace(/[\u00A0\u202F]/g, ' ');
    expect(text).toContain(l.salaerBack);
    if (process.env.SCREENSHOT_DIR)
      await p.screenshot({ path: `${process.env.SCREENSHOT_DIR}/claim-corrected-${locale}.png`, fullPage: true });
  });
});
