import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Link } from '@/lib/i18n/navigation';

/** The first focusable element of both shells (the portal's and the desk's): straight to the page's content. */
export async function SkipLink() {
  const t = await getTranslations('common');
  return (
    <a
      href="#content"
      className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2"
    >
      {t('skipToContent')}
    </a>
  );
}

/** The agency's logo and the shell's name, linking to the shell's home. */
export function BrandLink({ href, className, children }: { href: string; className: string; children: ReactNode }) {
  return (
    <Link href={href} className={`flex shrink-0 items-center gap-2 py-2 text-base font-semibold ${className}`}>
      {/* eslint-disable-next-line @next/next/no-img-element -- a 28 px SVG from public/ needs no image optimisation */}
      <img src="/logo.svg" alt="" width={28} height={28} />
      {children}
    </Link>
  );
}
