'use client';

import { useRef, type ReactNode } from 'react';
import { useDismissibleDetails } from '@/components/ui/use-dismissible-details';

/**
 * A <details> menu: opens without JavaScript; with it, Escape, a click outside or choosing an item closes it
 * (a client-side navigation would otherwise leave it open on the next page). Below sm it is not positioned, so
 * its panel can take the width of the nearest positioned box around the menus (a phone has no room beside them).
 */
export function DisclosureMenu({
  summary,
  summaryClassName,
  children,
}: {
  summary: ReactNode;
  summaryClassName: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  useDismissibleDetails(ref);
  return (
    <details ref={ref} className="sm:relative">
      <summary className={summaryClassName}>{summary}</summary>
      {children}
    </details>
  );
}
