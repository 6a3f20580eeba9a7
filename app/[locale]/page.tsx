import { hasLocale } from 'next-intl';
import { notFound, redirect } from 'next/navigation';
import { routing } from '@/lib/i18n/routing';

export default async function LocaleHome({ params }: PageProps<'/[locale]'>) {
  const { locale } = await params;
  // Only a known locale goes into the address: `/%5Cevil.com` would otherwise redirect to `/\evil.com/cases`, which
  // browsers read as another site.
  if (!hasLocale(routing.locales, locale)) notFound();
  redirect(`/${locale}/cases`);
}
