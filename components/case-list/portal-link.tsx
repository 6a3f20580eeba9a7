import NextLink from 'next/link';
import type { ComponentProps } from 'react';
import { getPathname } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';

type Props = Omit<ComponentProps<typeof NextLink>, 'href'> & {
  href: string | { pathname: string; query?: Record<string, string> };
  locale: Locale;
};

/**
 * A locale-prefixed link for the list's many links (one per row). next-intl's server Link suspends on the
 * locale and wraps each link in a client component; with the locale known, a plain next/link does the same job.
 * No prefetch: every target is a dynamic page, so prefetching the links in view would cost the server a render
 * of each case page and each filtered list on every visit.
 */
export function PortalLink({ href, locale, prefetch = false, ...props }: Props) {
  return <NextLink href={getPathname({ href, locale })} prefetch={prefetch} {...props} />;
}
