import { enterLocale } from '@/lib/i18n/page-locale';
import { AppShell } from '@/components/layout/app-shell';
import { requireCompanies, requireSignedIn } from '@/lib/auth/gate';
import { countMyOpenTasks } from '@/lib/tasks/queries';

export default async function PortalLayout({ children, params }: LayoutProps<'/[locale]'>) {
  await enterLocale(params);
  const user = await requireSignedIn();
  const scope = await requireCompanies('read');
  return (
    <AppShell userName={user.name} openTasks={await countMyOpenTasks(user.userId, scope.companyIds)}>
      {children}
    </AppShell>
  );
}
