'use client';
import { useTranslations } from 'next-intl';
import { useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';

export type SlipRow = {
  id: string;
  slipNumber: string;
  date: string;
  reference: string;
  company: string;
  caseCount: number;
  gross: string;
  fees: string;
  vat: string;
  net: string;
  href: string;
  excelHref: string;
};

type Props = { action: string; locale: string; rows: SlipRow[]; showCompany: boolean };

const subscribeNothing = () => () => {};

const CELL = 'px-3 py-2 text-left';
const NUM = 'px-3 py-2 text-right tabular-nums whitespace-nowrap';

/**
 * The slips with a checkbox each, inside a plain GET form to the download route: without JavaScript the boxes and
 * "Last ned valgte" still work. With it, "Velg alle" appears and the button counts the marked slips (off at 0).
 */
export function SlipTable({ action, locale, rows, showCompany }: Props) {
  const t = useTranslations('reports');
  // False in the server's HTML (the no-JavaScript form), true once hydrated.
  const enhanced = useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const allSelected = rows.length > 0 && selected.size === rows.length;

  function toggle(id: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  return (
    <form action={action} method="get" className="grid gap-3">
      <input type="hidden" name="locale" value={locale} />
      <div className="flex flex-wrap items-center gap-4">
        {enhanced ? (
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={allSelected}
              onChange={(e) => setSelected(e.target.checked ? new Set(rows.map((r) => r.id)) : new Set())}
            />
            {t('selectAll')}
          </label>
        ) : null}
        <Button type="submit" disabled={enhanced && selected.size === 0}>
          {enhanced ? t('downloadSelected', { count: selected.size }) : t('downloadSelectedPlain')}
        </Button>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th className={CELL}>
                <span className="sr-only">{t('selectAll')}</span>
              </th>
              <th className={CELL}>{t('list.date')}</th>
              <th className={CELL}>{t('list.reference')}</th>
              {showCompany ? <th className={CELL}>{t('list.company')}</th> : null}
              <th className={NUM}>{t('list.caseCount')}</th>
              <th className={NUM}>{t('list.gross')}</th>
              <th className={NUM}>{t('list.fees')}</th>
              <th className={NUM}>{t('list.vat')}</th>
              <th className={NUM}>{t('list.net')}</th>
              <th className={CELL}>{t('list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-100">
                <td className={CELL}>
                  <input
                    type="checkbox"
                    name="ids"
                    value={row.id}
                    checked={enhanced ? selected.has(row.id) : undefined}
                    onChange={(e) => toggle(row.id, e.target.checked)}
                    aria-label={t('selectSlip', { number: row.slipNumber })}
                  />
                </td>
                <td className={`${CELL} whitespace-nowrap`}>{row.date}</td>
                <td className={CELL}>
                  <a href={row.href} className="font-medium text-brand-700 underline">
                    {row.slipNumber}
                  </a>
                  <div className="text-xs text-slate-600">{row.reference}</div>
                </td>
                {showCompany ? <td className={CELL}>{row.company}</td> : null}
                <td className={NUM}>{row.caseCount}</td>
                <td className={NUM}>{row.gross}</td>
                <td className={NUM}>{row.fees}</td>
                <td className={NUM}>{row.vat}</td>
                <td className={NUM}>{row.net}</td>
                <td className={CELL}>
                  <a href={row.excelHref} className="text-brand-700 underline">
                    {t('excel')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </form>
  );
}
