import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { administeredCompanies } from '@/lib/auth/gate';
import { buildOpenApiDocument } from '@/lib/integrations/api/openapi';
import { Link } from '@/lib/i18n/navigation';
import { enterLocale } from '@/lib/i18n/page-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('integrations.reference'))('title') };
}

type Operation = {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { description: string }>;
};

const SECTIONS = ['auth', 'idempotency', 'errors', 'rateLimit', 'pagination', 'money'] as const;

/** Integrasjoner → API-referanse: the prose in the user's language, the schema itself (English) from the document. */
export default async function ApiReferencePage({ params }: PageProps<'/[locale]/settings/company/integrations/api'>) {
  await enterLocale(params);
  if ((await administeredCompanies()).length === 0) notFound();
  const t = await getTranslations('integrations.reference');
  const document = buildOpenApiDocument();
  const paths = Object.entries(document.paths as Record<string, Record<string, Operation>>);
  return (
    <article className="grid max-w-3xl gap-6">
      <div>
        <h2 className="text-xl font-semibold">{t('title')}</h2>
        <p className="text-sm text-slate-700">{t('intro')}</p>
        <p className="mt-2 text-sm">
          <a href="/api/v1/openapi.json" className="text-brand-700 underline">
            {t('download')}
          </a>{' '}
          ·{' '}
          <Link href="/settings/company/integrations" className="text-brand-700 underline">
            {t('back')}
          </Link>
        </p>
      </div>
      {SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`ref-${section}`} className="grid gap-1">
          <h3 id={`ref-${section}`} className="text-lg font-semibold">
            {t(`${section}.title`)}
          </h3>
          <p className="text-sm text-slate-800">{t(`${section}.body`)}</p>
        </section>
      ))}
      <section aria-labelledby="ref-endpoints" className="grid gap-4">
        <h3 id="ref-endpoints" className="text-lg font-semibold">
          {t('endpoints')}
        </h3>
        {paths.flatMap(([path, methods]) =>
          Object.entries(methods).map(([method, operation]) => (
            <div key={`${method} ${path}`} className="rounded-lg border border-slate-200 bg-white p-4" lang="en">
              <h4 className="font-mono text-sm font-semibold break-all">
                {method.toUpperCase()} {path}
              </h4>
              {operation.summary ? <p className="text-sm text-slate-800">{operation.summary}</p> : null}
              {operation.description ? <p className="text-sm text-slate-600">{operation.description}</p> : null}
              {operation.parameters?.length ? (
                <p className="text-sm text-slate-700">
                  Parameters: {operation.parameters.map((p) => `${p.name} (${p.in}${p.required ? ', required' : ''})`).join(', ')}
                </p>
              ) : null}
              {operation.requestBody ? (
                <p className="text-sm text-slate-700">
                  Body: {Object.values(operation.requestBody.content)[0]?.schema.$ref?.split('/').pop()}
                </p>
              ) : null}
              <ul className="mt-1 text-sm text-slate-700">
                {Object.entries(operation.responses).map(([status, response]) => (
                  <li key={status}>
                    <span className="font-mono">{status}</span> {response.description}
                  </li>
                ))}
              </ul>
            </div>
          )),
        )}
      </section>
      <section aria-labelledby="ref-schemas" className="grid gap-2">
        <h3 id="ref-schemas" className="text-lg font-semibold">
          {t('schemas')}
        </h3>
        <pre
          lang="en"
          tabIndex={0}
          aria-label={t('schemas')}
          className="max-h-[32rem] overflow-auto rounded-lg border border-slate-200 bg-slate-50 p-3 text-xs"
        >
          {JSON.stringify(document.components.schemas, null, 2)}
        </pre>
      </section>
    </article>
  );
}
