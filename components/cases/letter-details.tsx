import { getTranslations } from 'next-intl/server';
import type { HistoryEntry } from '@/lib/cases/queries';
import type { Locale } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { formatAccountNumber } from '@/lib/norwegian-ids';
import { getLetter } from '@/lib/letters/queries';
import { LetterDocument } from './letter-document';
import { PaymentDetails } from './payment-details';

/**
 * A letter in Historikk opens (a disclosure; `?letter=<id>` links straight to it open) and shows the payment
 * information printed on it: the values stored with the event when it was sent, not today's.
 */
export async function LetterDetails({
  companyId,
  caseId,
  entry,
  isOpen,
  currency,
  locale,
}: {
  companyId: string;
  caseId: string;
  entry: HistoryEntry;
  isOpen: boolean;
  currency: string;
  locale: Locale;
}) {
  const t = await getTranslations('cases');
  const { accountNumber, kid, amountOre, dueOn, letterId } = entry.data;
  // Letters the engine sent have their document; older (imported) letters only their payment information.
  const letter = typeof letterId === 'string' ? await getLetter(companyId, caseId, letterId) : null;
  const hasPaymentInfo =
    typeof accountNumber === 'string' && typeof kid === 'string' && typeof amountOre === 'number' && typeof dueOn === 'string';
  return (
    <details open={isOpen} className="mt-2 rounded-md border border-slate-200">
      <summary className="cursor-pointer px-3 py-1.5 font-medium text-brand-700">{t('history.openLetter')}</summary>
      <div className="border-t border-slate-200 px-3 py-3">
        {letter ? (
          <div className="mb-4">
            <LetterDocument letter={letter} currency={currency} locale={locale} />
            <a
              href={`/api/cases/${caseId}/letters/${letter.id}?locale=${locale}`}
              download
              className="mt-2 inline-block font-medium text-brand-700 underline"
            >
              {t('letterDoc.downloadPdf')}
            </a>
          </div>
        ) : null}
        <h3 className="mb-2 font-medium text-slate-900">{t('history.letterPaymentInfo')}</h3>
        {hasPaymentInfo ? (
          <PaymentDetails
            accountNumber={formatAccountNumber(accountNumber)}
            kid={kid}
            amountOre={amountOre}
            dueOn={dueOn}
            currency={currency}
            locale={locale}
          />
        ) : (
          <p className="text-slate-600">{t('history.letterWithoutPaymentInfo')}</p>
        )}
        <Link
          href={`/cases/${caseId}?tab=history&letter=${entry.id}#event-${entry.id}`}
          className="mt-2 inline-block text-xs text-slate-600 underline"
        >
          {t('history.letterLink')}
        </Link>
      </div>
    </details>
  );
}
