import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

/** A plain GET form (?q=…), so search works without JavaScript and results have a shareable address. */
export async function HelpSearchForm({ action, query }: { action: string; query: string }) {
  const t = await getTranslations('help');
  return (
    <form role="search" action={action} method="get" className="grid max-w-xl gap-1">
      <label htmlFor="help-search" className="text-sm font-medium text-slate-800">
        {t('searchLabel')}
      </label>
      <div className="flex gap-2">
        <Input id="help-search" type="search" name="q" defaultValue={query} maxLength={200} />
        <Button type="submit">{t('searchButton')}</Button>
      </div>
    </form>
  );
}
