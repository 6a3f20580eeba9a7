import { useTranslations } from 'next-intl';

/** A plain link to the export route: the browser downloads the file (Content-Disposition), no JavaScript needed. */
export function ExportLink({ href }: { href: string }) {
  const t = useTranslations('caseList');
  return (
    <a
      href={href}
      title={t('exportHint')}
      className="inline-flex items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100"
    >
      {t('export')}
    </a>
  );
}
