import { getTranslations } from 'next-intl/server';
import type { CaseNotice as Notice } from '@/lib/cases/page-query';

/** The result of the last change, after the action redirected back to the case (with or without JavaScript). */
export async function CaseNotice({ notice }: { notice: Notice }) {
  const t = await getTranslations('cases');
  return (
    <p role="status" className="mb-6 rounded-md border border-green-300 bg-green-50 px-4 py-2 text-sm text-green-900">
      {t(`notice.${notice}`)}
    </p>
  );
}
