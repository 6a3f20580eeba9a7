'use client';

import { useEffect, type RefObject } from 'react';

/**
 * For a <details> menu (which opens without JavaScript): with it, Escape, a click outside or choosing a
 * link inside closes the menu, and Escape returns focus to its summary.
 */
export function useDismissibleDetails(ref: RefObject<HTMLDetailsElement | null>) {
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
  }, [ref]);
}
