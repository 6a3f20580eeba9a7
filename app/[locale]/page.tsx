import { redirect } from 'next/navigation';

export default async function LocaleHome({ params }: PageProps<'/[locale]'>) {
  redirect(`/${(await params).locale}/cases`);
}
