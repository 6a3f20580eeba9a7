'use client';

import { useRef, type ReactNode } from 'react';
import { useDismissibleDetails } from '@/components/ui/use-dismissible-details';

/** The per-row "⋮" menu: a disclosure that opens without JavaScript; with it, Escape and outside clicks close it. */
export function RowMenu({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);

  useDismissibleDetails(ref);

  return (
    <details ref={ref} className="relative inline-block text-left">
      <summary
        aria-label={label}
        title={label}
        className="cursor-pointer list-none rounded-md px-3 py-1 text-lg leading-none text-slate-700 hover:bg-slate-100 [&::-webkit-details-marker]:hidden"
      >
        <span aria-hidden="true">⋮</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-64 rounded-md border border-slate-200 bg-white p-1 shadow-lg">{children}</div>
    </details>
  );
}

export const MENU_ITEM = 'block w-full rounded px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100';
