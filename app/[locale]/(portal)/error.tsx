'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('common');
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-white p-8">
      <h1 className="text-xl font-semibold">{t('errorTitle')}</h1>
      <p className="mt-2 text-slate-700">{t('errorBody')}</p>
      {error.digest ? <p className="mt-2 text-sm text-slate-500">{t('errorReference', { digest: error.digest })}</p> : null}
      <Button className="mt-6" onClick={reset}>
        {t('retry')}
      </Button>
    </div>
  );
}
