import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

/** Below the statement: its PDF and the way back to the case (the creditor's or the desk's). */
export async function StatementLinks({ pdfHref, backHref }: { pdfHref: string; backHref: string }) {
  const t = await getTranslations('statement');
  return (
    <p className="mt-6 flex flex-wrap gap-x-6 gap-y-2">
      <a href={pdfHref} download className="font-medium text-brand-700 underline">
        {t('download')}
      </a>
      <Link href={backHref} className="text-brand-700 underline">
        {t('back')}
      </Link>
    </p>
  );
}
