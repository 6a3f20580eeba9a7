import { describe, expect, it } from 'vitest';
import { taskEventRef, taskText, taskTitle, type ArrangementTaskParams, type SystemTask } from '@/lib/i18n/task-text';

const objection: SystemTask = {
  kind: 'objection',
  params: { reason: 'already_paid', text: 'Jeg betalte 3. mars.', files: ['kvittering.pdf', 'bank.png'] },
};
const planParams: ArrangementTaskParams = {
  arrangement: 'plan',
  instalments: 2,
  untilOn: '2027-03-01',
  totalOre: 150_050,
  limit: 'tooLong',
  schedule: [
    { number: 1, dueOn: '2027-02-01', amountOre: 75_025 },
    { number: 2, dueOn: '2027-03-01', amountOre: 75_025 },
  ],
};
const plan: SystemTask = { kind: 'arrangement_request', params: planParams };
const postponement: SystemTask = {
  kind: 'arrangement_request',
  params: { ...planParams, arrangement: 'postponement', instalments: 1, limit: 'needsCreditor', schedule: [] },
};
// What a stored row looks like: the Norwegian fallback in title and body beside the kind and params.
const row = (task: SystemTask) => ({ ...task, title: 'lagret tittel', body: 'lagret tekst' });

describe('taskText: a task the system wrote reads in the reader’s language', () => {
  it('an objection: the reason and the attachments line in nb and en; the debtor’s own words as written', () => {
    expect(taskText(row(objection), 'nb')).toEqual({
      title: 'Innsigelse fra skyldner: Allerede betalt',
      body: 'Jeg betalte 3. mars.\n\nVedlegg: kvittering.pdf, bank.png',
    });
    expect(taskText(row(objection), 'en')).toEqual({
      title: 'Objection from the debtor: Already paid',
      body: 'Jeg betalte 3. mars.\n\nAttachments: kvittering.pdf, bank.png',
    });
    expect(taskText(row({ ...objection, params: { ...objection.params, files: [] } }), 'en').body).toBe('Jeg betalte 3. mars.');
  });

  it('a plan asked for outside the limits: instalments, amounts and dates in the locale’s format', () => {
    const nb = taskText(row(plan), 'nb');
    expect(nb.title).toBe('Skyldneren ber om nedbetalingsplan (2 avdrag)');
    expect(nb.body.split('\n')).toEqual([
      expect.stringMatching(/^Totalt kr\s1\s500,50\.$/),
      expect.stringMatching(/^1\. 01\.02\.2027: kr\s750,25$/),
      expect.stringMatching(/^2\. 01\.03\.2027: kr\s750,25$/),
      'Utenfor avtalens grenser: lengre enn avtalen tillater.',
    ]);
    const en = taskText(row(plan), 'en');
    expect(en.title).toBe('The debtor asks for a payment plan (2 instalments)');
    expect(en.body.split('\n')).toEqual([
      expect.stringMatching(/^Total NOK\s1,500\.50\.$/),
      expect.stringMatching(/^1\. 1 Feb 2027: NOK\s750\.25$/),
      expect.stringMatching(/^2\. 1 Mar 2027: NOK\s750\.25$/),
      "Outside the agreement's limits: longer than the agreement allows.",
    ]);
    expect(en.body).not.toMatch(/Totalt|avdrag|Utenfor/);
  });

  it('a postponement: the date in the title, in each language', () => {
    expect(taskTitle(row(postponement), 'nb')).toBe('Skyldneren ber om betalingsutsettelse til 01.03.2027');
    expect(taskTitle(row(postponement), 'en')).toBe('The debtor asks for a payment postponement until 1 Mar 2027');
  });

  it('a person’s task, an old row without kind, or params that do not parse keep the stored words', () => {
    expect(taskText({ kind: null, params: null, title: 'Send faktura', body: 'Kopi, takk.' }, 'en')).toEqual({
      title: 'Send faktura',
      body: 'Kopi, takk.',
    });
    expect(taskText({ kind: 'objection', params: { reason: 'bogus' }, title: 'Gammel', body: 'Tekst' }, 'en')).toEqual({
      title: 'Gammel',
      body: 'Tekst',
    });
  });

  it('events carry the title’s params only, never the debtor’s words, and render the same title', () => {
    const ref = taskEventRef(row(objection));
    expect(ref).toEqual({ kind: 'objection', params: { reason: 'already_paid' } });
    expect(taskTitle({ kind: ref.kind ?? null, params: ref.params, title: 'x' }, 'en')).toBe('Objection from the debtor: Already paid');
    expect(taskEventRef({ kind: null, params: null })).toEqual({});
  });
});
