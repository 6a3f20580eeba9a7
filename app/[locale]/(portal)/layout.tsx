import { enterLocale } from '@/lib/i18n/page-locale';
import { AppShell } from '@/components/layout/app-shell';
import { requireCompanies, requireSignedIn } from '@/lib/auth/gate';

export default async function PortalLayout({ children, params }: LayoutProps<'/[locale]'>) {
  await enterLocale(params);
  // One statement: the session, the memberships and the open tasks' count come together (lib/auth/session.ts).
  const user = await requireSignedIn();
  await requireCompanies('read');
  return (
    <AppShell userName={user.name} openTasks={user.openTasks}>
      {children}
    </AppShell>
  );
}
