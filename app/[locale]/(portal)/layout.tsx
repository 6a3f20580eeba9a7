import { enterLocale } from '@/lib/i18n/page-locale';
import { AppShell } from '@/components/layout/app-shell';
import { requireUser } from '@/lib/auth/current-user';

export default async function PortalLayout({ children, params }: LayoutProps<'/[locale]'>) {
  await enterLocale(params);
  const user = await requireUser();
  return <AppShell userName={user.name}>{children}</AppShell>;
}
