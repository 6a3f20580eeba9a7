import { redirect } from 'next/navigation';

export default async function SettingsIndex({ params }: PageProps<'/[locale]/settings'>) {
  redirect(`/${(await params).locale}/settings/profile`);
}
