import { enterLocale } from '@/lib/i18n/page-locale';
import { AppShell } from '@/components/layout/app-shell';
import { requireSignedIn } from '@/lib/auth/gate';

export default async function PortalLayout({ children, params }: LayoutProps<'/[locale]'>) {
  await enterLocale(params);
  const user = await requireSignedIn();
  return <AppShell userName={user.name}>{children}</AppShell>;
}
