import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { BackToHelp } from '@/components/help/back-to-help';
import { ContactBlock } from '@/components/help/contact-block';
import { HelpPageList } from '@/components/help/help-page-list';
import { richTags } from '@/components/help/rich-tags';
import { PageHeader } from '@/components/layout/page-header';
import { articlePath, findArticle } from '@/lib/help/articles';
import { ROLE_ROWS } from '@/lib/help/roles';
import { requireSignedIn } from '@/lib/auth/gate';
import { enterLocale } from '@/lib/i18n/page-locale';

const RELATED = ['invite-users', 'change-user-role', 'remove-user-from-company'];

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('help'))('roles.title') };
}

export default async function HelpRolesPage({ params }: PageProps<'/[locale]/help/roles'>) {
  await enterLocale(params);
  await requireSignedIn();
  const t = await getTranslations('help');
  const ta = await getTranslations('helpArticles');
  const related = RELATED.flatMap((slug) => {
    const article = findArticle(slug);
    return article ? [{ href: articlePath(article), title: ta(`${article.key}.title`) }] : [];
  });
  return (
    <>
      <BackToHelp />
      <article className="max-w-3xl">
        <PageHeader title={t('roles.title')} />
        <div className="grid gap-3 text-slate-800">
          <p>{t('roles.intro')}</p>
          <p className="font-medium">{t('roles.perCompany')}</p>
        </div>
        <table className="mt-6 w-full border-collapse overflow-hidden rounded-lg border border-slate-200 bg-white text-left">
          <caption className="mb-2 text-left text-sm font-semibold text-slate-700">{t('roles.caption')}</caption>
          <thead className="bg-slate-100 text-sm">
            <tr>
              <th scope="col" className="px-4 py-2 font-semibold">
                {t('roles.roleColumn')}
              </th>
              <th scope="col" className="px-4 py-2 font-semibold">
                {t('roles.mayColumn')}
              </th>
            </tr>
          </thead>
          <tbody>
            {ROLE_ROWS.map((row) => (
              <tr key={row.role} className="border-t border-slate-200 align-top">
                <th scope="row" className="px-4 py-3 font-semibold">
                  {t(row.nameKey)}
                </th>
                <td className="px-4 py-3 wrap-anywhere text-slate-800">{t(row.mayKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-6 text-slate-800">{t.rich('roles.howToChange', richTags('/settings/users'))}</p>
        <section aria-labelledby="help-related" className="mt-8">
          <h2 id="help-related" className="mb-3 text-xl font-semibold">
            {t('relatedTitle')}
          </h2>
          <HelpPageList entries={related} />
        </section>
      </article>
      <ContactBlock />
    </>
  );
}
