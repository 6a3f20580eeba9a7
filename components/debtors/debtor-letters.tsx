import { getTranslations } from 'next-intl/server';
import { LetterDocument } from '@/components/cases/letter-document';
import type { Letter } from '@/db/schema';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { letterKindKey } from '@/lib/letters/text';

/** The letters we sent on the case (delivered here under a consent, or by post), each readable here (the debtor's copy, with the sign-in code) and as PDF. */
export async function DebtorLetters({
  caseId,
  letters,
  currency,
  locale,
}: {
  caseId: string;
  letters: (Letter & { delivery: string | null })[];
  currency: string;
  locale: Locale;
}) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="letters-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="letters-heading" className="mb-3 text-lg font-semibold">
        {t('minSide.case.lettersHeading')}
      </h2>
      {letters.length === 0 ? (
        <p className="text-sm text-slate-700">{t('minSide.case.noLetters')}</p>
      ) : (
        <ul className="grid gap-3 text-sm">
          {letters.map((letter) => (
            <li key={letter.id}>
              <details className="rounded-md border border-slate-200">
                <summary className="cursor-pointer px-3 py-2 font-medium text-brand-700">
                  {t(`cases.letter.${letterKindKey(letter.kind)}`)} · {formatDate(letter.sentOn, locale)}
                  {letter.delivery ? (
                    <span className="font-normal text-slate-700">
                      {' '}
                      · {t(letter.delivery === 'min_side' ? 'minSide.case.deliveredMinSide' : 'minSide.case.deliveredPaper')}
                    </span>
                  ) : null}
                </summary>
                <div className="border-t border-slate-200 px-3 py-3">
                  <LetterDocument letter={letter} currency={currency} locale={locale} copy="debtor" />
                </div>
              </details>
              <a
                href={`/api/min-side/cases/${caseId}/letters/${letter.id}?locale=${locale}`}
                download
                className="mt-1 inline-block font-medium text-brand-700 underline"
              >
                {t('minSide.case.letterPdf')}
                <span className="sr-only">
                  {' '}
                  ({t(`cases.letter.${letterKindKey(letter.kind)}`)} {formatDate(letter.sentOn, locale)})
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
