import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import nb from '@/messages/nb.json';
import { describeEvent } from '@/components/cases/describe-event';

// The reasons the reconcile path writes into Historikk, as the creditor reads them.

function describe_(locale: 'nb' | 'en', data: Record<string, unknown>) {
  const t = createTranslator({
    locale,
    messages: locale === 'nb' ? nb : en,
    namespace: 'cases',
    onError: (error) => {
      throw error;
    },
  });
  return describeEvent(
    t as never,
    { id: 'e', type: 'claim.corrected', occurredAt: new Date(), actorName: null, data, messageBody: null },
    locale,
  ).replace(/[\u00A0\u202F]/g, ' ');
}

describe('claim.corrected in Historikk', () => {
  it('says which fee was taken back, how much, and why', () => {
    const salaer = { component: 'fee', feeKind: 'collection_fee_light', amountOre: -56_000, reason: 'paidWithinNoticeDeadline' };
    expect(describe_('nb', salaer)).toBe('Salær kr 560,00 tilbakeført: betalt innen fristen i inkassovarselet.');
    expect(describe_('en', salaer)).toBe('Collection fee NOK 560.00 reversed: paid within the deadline of the debt collection notice.');
  });

  it('tells interest taken back and a heavy salær added', () => {
    expect(describe_('nb', { component: 'interest', feeKind: null, amountOre: -1_369, reason: 'paymentValueDate' })).toBe(
      'Renter kr 13,69 tilbakeført: en innbetaling reduserte hovedstolen fra sin valuteringsdato.',
    );
    expect(describe_('en', { component: 'fee', feeKind: 'collection_fee_heavy', amountOre: 56_000, reason: 'heavySalaer' })).toBe(
      "Collection fee at the heavy rate NOK 560.00 added: the demand's deadline is overrun by more than 28 days.",
    );
  });
});
