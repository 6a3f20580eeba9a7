import { getTranslations } from 'next-intl/server';

export default async function AuthLayout({ children }: LayoutProps<'/[locale]'>) {
  const t = await getTranslations('common');
  return (
    <main className="flex min-h-screen items-start justify-center px-4 py-16">
      <div className="w-full max-w-md">
        <p className="mb-6 text-center text-lg font-semibold text-brand-900">{t('appName')}</p>
        <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">{children}</div>
      </div>
    </main>
  );
}
