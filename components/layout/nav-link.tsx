'use client';

import type { ReactNode } from 'react';
import { Link, usePathname } from '@/lib/i18n/navigation';

/** A header link that marks itself as the current page for its whole section. */
export function NavLink({ href, sections = [href], children }: { href: string; sections?: string[]; children: ReactNode }) {
  const pathname = usePathname();
  // `sections`: the paths below which this link is current (by default its own; the desk's home narrows it).
  const isCurrent = pathname === href || sections.some((section) => pathname.startsWith(`${section}/`));
  return (
    <Link
      href={href}
      aria-current={isCurrent ? 'page' : undefined}
      className={`block rounded-md px-3 py-2 text-sm font-medium ${isCurrent ? 'bg-brand-50 text-brand-900' : 'text-slate-700 hover:bg-slate-100'}`}
    >
      {children}
    </Link>
  );
}
