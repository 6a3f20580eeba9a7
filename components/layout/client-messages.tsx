import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { pickMessages, SHELL_MESSAGES } from '@/lib/i18n/client-messages';

/**
 * The messages a page's client components translate (besides the shell's), for the page's whole content: only
 * these travel in the page's payload. Nested providers replace rather than merge, so the shell's come along.
 */
export async function ClientMessages({ paths, children }: { paths: readonly string[]; children: ReactNode }) {
  const messages = pickMessages(await getMessages(), [...SHELL_MESSAGES, ...paths]);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
