import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDebtorSession } from '@/lib/auth/debtor-session';
import { sessionCookieFor } from '@/lib/cli/session-cookie';
import { signIn } from '@/tests/helpers/browser';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { DESK } from '@/tests/helpers/desk-ui';
import { portalUrl } from '@/tests/helpers/e2e-portal';
import { E2E_SECRETS } from '@/tests/helpers/e2e-secrets';
import { PHONE, seriousAxeViolations, sidewaysOverflow } from '@/tests/helpers/layout-checks';
import { arrangeMinSideCase, plainPhonePage, signInWithBankId, signInWithCode, type MinSideLocale } from '@/tests/helpers/min-side';
import { objectionForm, objectionTrace, receiptPdfOfSize, TEXT_AS_PNG } from '@/tests/helpers/objection-fixtures';

const { db, page } = browserSuite();

const L = {
  nb: {
    alreadyPaid: 'Jeg har allerede betalt',
    body: 'Forklar med egne ord',
    files: /^Vedlegg \(PDF/,
    submit: 'Send innsigelse',
    filed: 'Innsigelsen er sendt. Saken er stoppet til kreditor har svart.',
    waiting: 'Venter på svar fra kreditor.',
    fileType: 'Filen er ikke en PDF, JPG eller PNG.',
    disputed: 'Saken har innsigelse: Allerede betalt',
    task: 'Innsigelse fra skyldner: Allerede betalt',
    attachments: 'Vedlegg: kvittering.pdf',
    answered: (answer: string) => `Svar fra kreditor: ${answer}`,
  },
  en: {
    alreadyPaid: 'I have already paid',
    body: 'Explain in your own words',
    files: /^Attachments \(PDF/,
    submit: 'Send objection',
    filed: 'Your objection has been sent. The case is on hold until the creditor answers.',
    waiting: "Waiting for the creditor's answer.",
    fileType: 'The file is not a PDF, JPG or PNG.',
    disputed: 'The case is disputed: Already paid',
    task: 'Objection from the debtor: Already paid',
    attachments: 'Attachments: kvittering.pdf',
    answered: (answer: string) => `The creditor's answer: ${answer}`,
  },
} as const;

const EXPLANATION = 'Jeg betalte hele beløpet 3. mars, se kvitteringen.';

/** The error text the field's control is described by (Field wires aria-describedby to its hint and error). */
async function describedErrors(target: Page, label: RegExp) {
  const control = target.getByLabel(label);
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ').filter((id) => id.endsWith('-error'));
  const texts = await Promise.all(ids.map((id) => target.locator(`[id="${id}"]`).innerText()));
  return { invalid: await control.getAttribute('aria-invalid'), texts };
}

/** Fills the objection form: "already paid", the explanation, and the given file; then sends it. */
async function object(target: Page, locale: MinSideLocale, file: { name: string; mimeType: string; buffer: Buffer }) {
  const l = L[locale];
  await target.getByRole('radio', { name: l.alreadyPaid }).check();
  await target.getByRole('textbox', { name: l.body }).fill(EXPLANATION);
  await target.getByLabel(l.files).setInputFiles(file);
  await target.getByRole('button', { name: l.submit }).click();
}

describe.each(['nb', 'en'] as const)('Min side: an objection, end to end (%s)', (locale) => {
  const l = L[locale];

  it('already paid with a receipt → disputed, a task with the file in Innsikt; the creditor answers → the debtor reads it', async () => {
    const { creditor, debtCase } = await arrangeMinSideCase(db, locale);
    const receipt = await receiptPdfOfSize(250_000);
    await signInWithBankId(page, locale);
    await page.goto(`/${locale}/min-side/cases/${debtCase.id}/object`);
    // A text posing as a PNG: the translated message beside the files, the reason still chosen, nothing booked.
    await object(page, locale, TEXT_AS_PNG);
    await page.waitForURL(`**/${locale}/min-side/cases/${debtCase.id}/object?error=fileType*`);
    expect(await describedErrors(page, l.files)).toEqual({ invalid: 'true', texts: [l.fileType] });
    expect(await page.getByRole('radio', { name: l.alreadyPaid }).isChecked()).toBe(true);
    expect(await objectionTrace(db, debtCase.id)).toEqual({ objections: 0, files: 0, tasks: 0, disputed: false });

    await object(page, locale, { name: 'kvittering.pdf', mimeType: 'application/pdf', buffer: receipt });
    await page.waitForURL(`**/${locale}/min-side/cases/${debtCase.id}/object?filed=1`);
    await page.getByText(l.filed).waitFor();
    await page.getByText(l.waiting).waitFor();
    expect(await objectionTrace(db, debtCase.id)).toEqual({ objections: 1, files: 1, tasks: 1, disputed: true });

    await signIn(page, db, creditor, locale);
    await page.goto(`/${locale}/cases/${debtCase.id}`);
    await page.getByText(l.disputed).first().waitFor();
    await page.goto(`/${locale}/insights`);
    // The task the system wrote reads in the creditor's language (stored as its kind and params, not as Norwegian).
    const row = page.getByRole('row').filter({ hasText: l.task });
    const file = row.getByRole('link', { name: 'kvittering.pdf' });
    const download = await page.request.get(new URL((await file.getAttribute('href')) ?? '', portalUrl()).href);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await download.body()).equals(receipt)).toBe(true);

    const answer = `Vi finner innbetalingen og trekker kravet (${locale}).`;
    await row.getByRole('link', { name: DESK[locale].goToCase }).click();
    const task = page.getByRole('article', { name: l.task });
    await task.getByText(EXPLANATION).waitFor();
    await task.getByText(l.attachments).waitFor();
    await task.getByLabel(DESK[locale].answer).fill(answer);
    await task.getByRole('button', { name: DESK[locale].reply, exact: true }).click();
    await page.getByRole('status').filter({ hasText: DESK[locale].answered }).waitFor();

    await page.goto(`/${locale}/min-side/cases/${debtCase.id}/object`);
    await page.getByText(l.answered(answer)).waitFor();
  });
});

describe.each(['nb', 'en'] as const)('Min side: an objection without JavaScript, at 360 px (%s)', (locale) => {
  const l = L[locale];
  const plainPage = plainPhonePage();

  it('a wrong file comes back with the message beside the field; the receipt goes through; no wider than the phone', async () => {
    const target = plainPage();
    const { debtCase, code } = await arrangeMinSideCase(db, locale);
    await signInWithCode(target, locale, debtCase.caseNumber, code);
    await target.waitForURL(`**/${locale}/min-side/cases/${debtCase.id}`);
    await target.goto(`/${locale}/min-side/cases/${debtCase.id}/object`);
    const form = await sidewaysOverflow(target);
    expect(form.scrollWidth, form.culprits.join('; ')).toBeLessThanOrEqual(form.viewport);

    await object(target, locale, TEXT_AS_PNG);
    await target.waitForURL(`**/object?error=fileType*`);
    expect(await describedErrors(target, l.files)).toEqual({ invalid: 'true', texts: [l.fileType] });
    const refused = await sidewaysOverflow(target);
    expect(refused.scrollWidth, refused.culprits.join('; ')).toBeLessThanOrEqual(refused.viewport);
    // axe runs as a script, which this browser does not: the same markup is checked in one that does, at 360 px.
    const refusedUrl = target.url();
    const [formPage, refusedPage] = [
      `/${locale}/min-side/cases/${debtCase.id}/object`,
      new URL(refusedUrl).pathname + new URL(refusedUrl).search,
    ];
    await page.setViewportSize(PHONE);
    await signInWithCode(page, locale, debtCase.caseNumber, code);
    await page.waitForURL(`**/${locale}/min-side/cases/${debtCase.id}`);
    for (const url of [formPage, refusedPage]) {
      await page.goto(url);
      expect(await seriousAxeViolations(page), url).toEqual([]);
    }
    expect(await objectionTrace(db, debtCase.id)).toEqual({ objections: 0, files: 0, tasks: 0, disputed: false });

    await object(target, locale, { name: 'kvittering.pdf', mimeType: 'application/pdf', buffer: await receiptPdfOfSize(40_000) });
    await target.waitForURL(`**/object?filed=1`);
    await target.getByText(l.filed).waitFor();
    await target.getByText(l.waiting).waitFor();
    const filed = await sidewaysOverflow(target);
    expect(filed.scrollWidth, filed.culprits.join('; ')).toBeLessThanOrEqual(filed.viewport);
    expect(await objectionTrace(db, debtCase.id)).toEqual({ objections: 1, files: 1, tasks: 1, disputed: true });
  });
});

describe('the objection route refuses whoever is not the case’s debtor, before it looks at the body', () => {
  const path = (caseId: string) => `/api/min-side/cases/${caseId}/objection?locale=nb`;
  const post = (caseId: string, cookie: string | null, body: FormData) =>
    fetch(new URL(path(caseId), portalUrl()), {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: portalUrl(), ...(cookie ? { Cookie: cookie } : {}) },
      body,
    });
  const form = async () =>
    objectionForm({
      reason: 'already_paid',
      body: EXPLANATION,
      files: [{ name: 'kvittering.pdf', mimeType: 'application/pdf', buffer: await receiptPdfOfSize(30_000) }],
    });

  it('the creditor’s own session: 401; another debtor’s case: 404; nothing booked. The case’s debtor: 303 and booked', async () => {
    const { creditor, debtCase } = await arrangeMinSideCase(db, 'nb');
    const other = await arrangeMinSideCase(db, 'nb');
    const creditorCookie = await sessionCookieFor(db, creditor.email, E2E_SECRETS.AUTH_SECRET);
    expect((await post(debtCase.id, creditorCookie, await form())).status).toBe(401);
    const otherDebtor = `min_side_session=${(await createDebtorSession(db, { kind: 'letter_code', caseId: other.debtCase.id })).token}`;
    expect((await post(debtCase.id, otherDebtor, await form())).status).toBe(404);
    expect(await objectionTrace(db, debtCase.id)).toEqual({ objections: 0, files: 0, tasks: 0, disputed: false });

    const debtor = `min_side_session=${(await createDebtorSession(db, { kind: 'letter_code', caseId: debtCase.id })).token}`;
    const filed = await post(debtCase.id, debtor, await form());
    expect(filed.status).toBe(303);
    expect(filed.headers.get('location')).toBe(`/nb/min-side/cases/${debtCase.id}/object?filed=1`);
    expect(await objectionTrace(db, debtCase.id)).toEqual({ objections: 1, files: 1, tasks: 1, disputed: true });
  });

  it('nobody signed in: 401 whatever the body holds (a text posing as PNG, a receipt over 10 MB), nothing booked', async () => {
    const { debtCase } = await arrangeMinSideCase(db, 'nb');
    // A forged cookie of Min side's name gets past any cheap check on the cookie's presence.
    const forged = 'min_side_session=forged';
    const fake = objectionForm({ reason: 'already_paid', body: EXPLANATION, files: [TEXT_AS_PNG] });
    expect((await post(debtCase.id, forged, fake)).status).toBe(401);
    const oversize = objectionForm({
      reason: 'already_paid',
      body: EXPLANATION,
      files: [{ name: 'kvittering.pdf', mimeType: 'application/pdf', buffer: await receiptPdfOfSize(10 * 1024 * 1024 + 1) }],
    });
    expect((await post(debtCase.id, null, oversize)).status).toBe(401);
    expect(await objectionTrace(db, debtCase.id)).toEqual({ objections: 0, files: 0, tasks: 0, disputed: false });
  });
});
