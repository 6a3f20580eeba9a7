import type { ReactNode } from 'react';
import { Link } from '@/lib/i18n/navigation';

export const LINK_CLASS = 'font-medium text-brand-700 underline hover:text-brand-900';

/** The tags help messages use: <b> for a label on screen, <link> for the place in the portal it names. */
export function richTags(href: string | null) {
  return {
    b: (chunks: ReactNode) => <strong className="font-semibold">{chunks}</strong>,
    link: (chunks: ReactNode) =>
      href ? (
        <Link href={href} className={LINK_CLASS}>
          {chunks}
        </Link>
      ) : (
        chunks
      ),
  };
}
