import type { AbstractIntlMessages } from 'next-intl';

/**
 * The messages every page's client components may need: the shell's (error boundary, user menu, settings menu)
 * and the fallbacks of the form hooks (validation.*, common.errors.*). A page whose client components need more
 * wraps its content in <ClientMessages paths={…}> (components/layout/client-messages.tsx); the unit test
 * tests/unit/client-messages.test.ts reads the import graph and checks that every client component's keys are there.
 */
export const SHELL_MESSAGES = ['common', 'nav', 'settings', 'validation'] as const;

/**
 * The subtrees named by dotted paths ('cases.manage', 'payments'), in their places of the full tree, so that a
 * client component's `t('cases.manage.reason')` or a namespaced `useTranslations('cases')` finds them unchanged.
 */
export function pickMessages(messages: AbstractIntlMessages, paths: readonly string[]): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const path of paths) {
    const segments = path.split('.');
    let from: AbstractIntlMessages | string | undefined = messages;
    for (const segment of segments) from = typeof from === 'object' ? from[segment] : undefined;
    if (from === undefined) throw new Error(`no messages at ${path}`);
    let into = picked;
    for (const segment of segments.slice(0, -1)) {
      const next = into[segment];
      // A copy along the path: the catalogue itself is shared by every request.
      into = into[segment] = typeof next === 'object' ? { ...next } : {};
    }
    into[segments[segments.length - 1] ?? path] = from;
  }
  return picked;
}
