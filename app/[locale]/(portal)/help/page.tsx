import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ContactBlock } from '@/components/help/contact-block';
import { HelpPageList } from '@/components/help/help-page-list';
import { HelpSearchForm } from '@/components/help/help-search-form';
import { LINK_CLASS } from '@/components/help/rich-tags';
import { PageHeader } from '@/components/layout/page-header';
import { env } from '@/lib/env';
import { HELP_PATH } from '@/lib/help/articles';
import { loadHelpSearchEntries } from '@/lib/help/load-search-entries';
import { searchHelp } from '@/lib/help/search';
import { Link, getPathname } from '@/lib/i18n/navigation';
import { requireSignedIn } from '@/lib/auth/gate';
import { enterLocale } from '@/lib/i18n/page-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('help'))('title') };
}

export default async function HelpPage({ params, searchParams }: PageProps<'/[locale]/help'>) {
  const locale = await enterLocale(params);
  await requireSignedIn();
  const { q } = await searchParams;
  const query = (typeof q === 'string' ? q : '').trim();
  const t = await getTranslations('help');
  const results = searchHelp(await loadHelpSearchEntries(), query);
  return (
    <>
      <PageHeader title={t('title')} />
      <p className="mb-6 max-w-3xl text-slate-700">{t('intro', { agency: env().AGENCY_NAME })}</p>
      <HelpSearchForm action={getPathname({ href: HELP_PATH, locale })} query={query} />
      <section aria-labelledby="help-pages" className="mt-8">
        <h2 id="help-pages" className="mb-3 text-xl font-semibold">
          {query ? t('resultsTitle') : t('articlesTitle')}
        </h2>
        {query ? (
          <div role="status" className="mb-4">
            {results.length > 0 ? (
              <p className="text-slate-700">{t('resultCount', { count: results.length, query })}</p>
            ) : (
              <>
                <p className="font-semibold">{t('noResults')}</p>
                <p className="text-slate-700">{t('noResultsHint')}</p>
              </>
            )}
          </div>
        ) : null}
        {results.length > 0 ? <HelpPageList entries={results} /> : null}
        {query ? (
          <p className="mt-4">
            <Link href={HELP_PATH} className={LINK_CLASS}>
              {t('showAll')}
            </Link>
          </p>
        ) : null}
      </section>
      <ContactBlock />
    </>
  );
}
