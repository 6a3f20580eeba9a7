import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ContactBlock } from '@/components/help/contact-block';
import { HelpPageList } from '@/components/help/help-page-list';
import { richTags } from '@/components/help/rich-tags';
import { BackToHelp } from '@/components/help/back-to-help';
import { RolesLink } from '@/components/help/roles-link';
import { PageHeader } from '@/components/layout/page-header';
import { env } from '@/lib/env';
import { articlePath, articlePieces, findArticle, type ArticlePiece } from '@/lib/help/articles';
import { requireSignedIn } from '@/lib/auth/gate';
import { enterLocale } from '@/lib/i18n/page-locale';

export async function generateMetadata({ params }: PageProps<'/[locale]/help/[slug]'>): Promise<Metadata> {
  const article = findArticle((await params).slug);
  if (!article) return {};
  return { title: (await getTranslations('helpArticles'))(`${article.key}.title`) };
}

export default async function HelpArticlePage({ params }: PageProps<'/[locale]/help/[slug]'>) {
  await enterLocale(params);
  await requireSignedIn();
  const article = findArticle((await params).slug);
  if (!article) notFound();
  const t = await getTranslations('helpArticles');
  const th = await getTranslations('help');
  const agency = env().AGENCY_NAME;
  const pieces = articlePieces(article);
  const render = (piece: ArticlePiece) => t.rich(piece.messageKey, { agency, ...richTags(piece.href) });
  const paragraphs = (kind: ArticlePiece['kind']) =>
    pieces
      .filter((piece) => piece.kind === kind)
      .map((piece) => (
        <p key={piece.messageKey} className="text-slate-800">
          {render(piece)}
        </p>
      ));
  const steps = pieces.filter((piece) => piece.kind === 'step');
  const related = article.related.flatMap((slug) => {
    const other = findArticle(slug);
    return other ? [{ href: articlePath(other), title: t(`${other.key}.title`) }] : [];
  });

  return (
    <>
      <BackToHelp />
      <article className="max-w-3xl">
        <PageHeader title={t(`${article.key}.title`)} />
        <div className="grid gap-3">{paragraphs('intro')}</div>
        {steps.length > 0 ? (
          <section aria-labelledby="help-steps" className="mt-6">
            <h2 id="help-steps" className="mb-3 text-xl font-semibold">
              {th('stepsTitle')}
            </h2>
            <ol className="grid list-decimal gap-2 pl-6 marker:font-semibold">
              {steps.map((piece) => (
                <li key={piece.messageKey} className="pl-1 text-slate-800">
                  {render(piece)}
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        <div className="mt-6 grid gap-3">
          {paragraphs('outro')}
          {article.linksToRoles ? (
            <p>
              <RolesLink />
            </p>
          ) : null}
        </div>
        {related.length > 0 ? (
          <section aria-labelledby="help-related" className="mt-8">
            <h2 id="help-related" className="mb-3 text-xl font-semibold">
              {th('relatedTitle')}
            </h2>
            <HelpPageList entries={related} />
          </section>
        ) : null}
      </article>
      <ContactBlock />
    </>
  );
}
