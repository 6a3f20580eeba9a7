import { asc, eq } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { LetterBody } from '@/components/cases/letter-body';
import { db } from '@/db';
import { letters, type Letter } from '@/db/schema';
import { plusDays } from '@/lib/engine/rules';
import { runEngine } from '@/lib/engine/run';
import { loadTables } from '@/lib/engine/tables';
import type { Locale } from '@/lib/i18n/routing';
import { renderLetterPdf } from '@/lib/letters/pdf';
import { letterWords } from '@/lib/letters/words';
import { makeOverdueCase, onDay } from '@/tests/helpers/engine-factories';
import { makeCompany } from '@/tests/helpers/factories';

const AGENCY = { name: 'Testbyrå Inkasso AS', organisationNumber: '123456785', email: 'post@testbyra.no', phone: '22 33 44 55' };

/** The letter's text as the reader gets it: the HTML view and the PDF, whitespace collapsed. */
async function rendered(letter: Letter, locale: Locale) {
  const { rates } = await loadTables(db);
  const words = letterWords(letter, { currency: 'NOK', locale, agency: AGENCY, rates });
  const html = renderToStaticMarkup(createElement(LetterBody, { words }))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
  const pdf = await renderLetterPdf(words);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  const flat = (value: string) => value.replace(/\s+/g, ' ');
  return { html: flat(html), pdf: flat(text) };
}

describe('the letters’ lawful texts (rendered HTML and PDF, nb and en)', () => {
  let byKind: Record<string, Letter>;

  beforeAll(async () => {
    // Due 20 May 2025: the demand goes out in July, after the rate fell from 12.50 % to 12.25 % on 1 July.
    const company = await makeCompany(db);
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2025-05-20' });
    for (let day = 0; day <= 50; day += 1) await runEngine(db, { now: onDay(plusDays('2025-05-20', day)), companyId: company.id });
    const sent = await db.select().from(letters).where(eq(letters.caseId, debtCase.id)).orderBy(asc(letters.sentOn));
    byKind = Object.fromEntries(sent.map((letter) => [letter.kind, letter]));
    expect(Object.keys(byKind)).toEqual(['reminder', 'notice', 'demand']);
    expect(byKind.demand!.sentOn > '2025-07-01').toBe(true);
  });

  it('every letter names the agency and how to reach it, in both languages', async () => {
    for (const letter of Object.values(byKind)) {
      const nb = await rendered(letter, 'nb');
      const en = await rendered(letter, 'en');
      for (const text of [nb.html, nb.pdf]) {
        expect(text).toContain('Testbyrå Inkasso AS (org.nr. 123 456 785), inkassobyrå for');
        expect(text).toContain('Spørsmål og innsigelser: Testbyrå Inkasso AS, e-post post@testbyra.no, telefon 22 33 44 55.');
        expect(text).toContain('komme med innsigelse til Testbyrå Inkasso AS før fristen');
      }
      for (const text of [en.html, en.pdf]) {
        expect(text).toContain('Testbyrå Inkasso AS (org. no. 123 456 785), debt collection agency for');
        expect(text).toContain('Questions and objections: Testbyrå Inkasso AS, email post@testbyra.no, phone 22 33 44 55.');
      }
    }
  });

  it('the betalingsoppfordring states the right to nemndsbehandling, and that objecting leads to no costs or legal action', async () => {
    const nb = await rendered(byKind.demand!, 'nb');
    const en = await rendered(byKind.demand!, 'en');
    for (const text of [nb.html, nb.pdf]) {
      expect(text).toContain('Finansklagenemnda (nemndsbehandling, inkassoloven § 10 f og § 22)');
      expect(text).toContain('Betaler du ikke innen fristen på minst 14 dager, kan kravet bli sendt til rettslig inkasso');
      expect(text).toContain('Å komme med innsigelse fører ikke til økte kostnader eller rettslig inkasso');
      // The old sentence tied objecting to legal action ("Betaler du ikke, eller kommer med innsigelse, …").
      expect(text).not.toMatch(/eller kommer med innsigelse, innen fristen/);
    }
    for (const text of [en.html, en.pdf]) {
      expect(text).toContain('Finansklagenemnda; nemndsbehandling under the Debt Collection Act sections 10 f and 22');
      expect(text).toContain('Objecting does not lead to further costs or legal collection');
    }
    // Only the demand carries the complaints board.
    expect((await rendered(byKind.notice!, 'nb')).html).not.toContain('Finansklagenemnda');
  });

  it('prints each interest rate with its period when the rate changed', async () => {
    const nb = await rendered(byKind.demand!, 'nb');
    const en = await rendered(byKind.demand!, 'en');
    for (const text of [nb.html, nb.pdf]) {
      expect(text).toContain('Forsinkelsesrenten per år i perioden:');
      expect(text).toContain('12,50 % fra 21.05.2025 til 30.06.2025');
      expect(text).toContain('12,25 % fra 01.07.2025 (løper videre)');
    }
    for (const text of [en.html, en.pdf])
      expect(text).toMatch(/12\.50 % from 21 May 2025 to 30 Jun 2025.*12\.25 % from 1 Jul 2025 \(still running\)/);
    // One rate in the period: the one sentence, as before.
    expect((await rendered(byKind.reminder!, 'nb')).pdf).toContain('Forsinkelsesrenten er 12,50 % per år og løper fra 21.05.2025.');
  });

  it('the inkassovarsel says plainly that the claim goes to collection if unpaid', async () => {
    const nb = await rendered(byKind.notice!, 'nb');
    const en = await rendered(byKind.notice!, 'en');
    for (const text of [nb.html, nb.pdf])
      expect(text).toContain('Betaler du ikke innen fristen på minst 14 dager, blir kravet sendt til inkasso');
    for (const text of [en.html, en.pdf])
      expect(text).toContain('If you do not pay within the deadline of at least 14 days, the claim will be sent to debt collection');
  });
});
