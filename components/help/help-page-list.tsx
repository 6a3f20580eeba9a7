import { Link } from '@/lib/i18n/navigation';
import type { SearchEntry } from '@/lib/help/search';
import { LINK_CLASS } from './rich-tags';

export function HelpPageList({ entries }: { entries: readonly Pick<SearchEntry, 'href' | 'title'>[] }) {
  return (
    <ul className="grid gap-2 sm:grid-cols-2">
      {entries.map((entry) => (
        <li key={entry.href}>
          <Link href={entry.href} className={`block rounded-md border border-slate-200 bg-white px-4 py-3 ${LINK_CLASS}`}>
            {entry.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}
