'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A <details> menu: opens without JavaScript; with it, Escape, a click outside or choosing an item closes it
 * (a client-side navigation would otherwise leave it open on the next page).
 */
export function DisclosureMenu({ summary, summaryClassName, children }: { summary: ReactNode; summaryClassName: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    function close(event: Event) {
      if (!details?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return;
        details.open = false;
        details.querySelector('summary')?.focus();
      } else if (!details.contains(event.target as Node) || (event.target as Element).closest('a')) {
        details.open = false;
      }
    }
    document.addEventListener('keydown', close);
    document.addEventListener('click', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('click', close);
    };
  }, []);
  return (
    <details ref={ref} className="relative">
      <summary className={summaryClassName}>{summary}</summary>
      {children}
    </details>
  );
}
