'use client';

import { useEffect, type RefObject } from 'react';

/**
 * For a <details> menu (which opens without JavaScript): with it, Escape, a click outside or choosing a
 * link or submitting a form inside closes the menu (choosing the language already active reloads nothing, so the
 * menu must not stay open), and Escape returns focus to its summary.
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
    function closeOnSubmit() {
      if (details) details.open = false;
    }
    document.addEventListener('keydown', close);
    document.addEventListener('click', close);
    details.addEventListener('submit', closeOnSubmit);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('click', close);
      details.removeEventListener('submit', closeOnSubmit);
    };
  }, [ref]);
}
