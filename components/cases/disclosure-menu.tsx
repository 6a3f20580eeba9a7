'use client';

import { useRef, type ReactNode } from 'react';
import { useDismissibleDetails } from '@/components/ui/use-dismissible-details';

/**
 * A <details> menu: opens without JavaScript; with it, Escape, a click outside or choosing an item closes it
 * (a client-side navigation would otherwise leave it open on the next page).
 */
export function DisclosureMenu({ summary, summaryClassName, children }: { summary: ReactNode; summaryClassName: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useDismissibleDetails(ref);
  return (
    <details ref={ref} className="relative">
      <summary className={summaryClassName}>{summary}</summary>
      {children}
    </details>
  );
}
