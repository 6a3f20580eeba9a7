'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, type ReactNode } from 'react';

/**
 * Client-side navigation for the plain links inside (the case rows are markup strings, case-rows-html.ts), as
 * next/link does it: a plain left click on a link to this site goes through the router; anything else (a new
 * tab, a modifier key, another site) is left to the browser. Without JavaScript they are ordinary links.
 */
export function SoftLinks({ children }: { children: ReactNode }) {
  const router = useRouter();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      if (!link || (link.target && link.target !== '_self') || link.hasAttribute('download') || link.origin !== window.location.origin)
        return;
      event.preventDefault();
      router.push(`${link.pathname}${link.search}${link.hash}`);
    };
    element.addEventListener('click', onClick);
    return () => element.removeEventListener('click', onClick);
  }, [router]);
  return (
    <div ref={box} className="contents">
      {children}
    </div>
  );
}
