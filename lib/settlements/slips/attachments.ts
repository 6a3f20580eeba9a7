import type { Executor } from '@/db/client';
import type { OutboxAttachment } from '@/db/schema';
import type { EmailAttachment } from '@/lib/email/sender';
import type { Locale } from '@/lib/i18n/routing';
import { loadSlips } from './slip-data';
import { slipFileName, slipPdf } from './slip-file';

export type { OutboxAttachment } from '@/db/schema';

/**
 * Renders the files an outbox row refers to, in the row's language. Scoped to the row's company: a reference to
 * another company's slip finds nothing and the delivery fails rather than leak it. Rendering is deterministic
 * from committed rows, so a retried delivery sends the same file.
 */
export async function renderAttachments(
  db: Executor,
  companyId: string | null,
  locale: Locale,
  refs: OutboxAttachment[],
): Promise<EmailAttachment[]> {
  const files: EmailAttachment[] = [];
  for (const ref of refs) {
    const [slip] = companyId ? await loadSlips(db, [companyId], [ref.slipId]) : [];
    if (!slip) throw new Error(`attachment not found: ${ref.kind} ${ref.slipId}`);
    files.push({ filename: slipFileName(slip), content: await slipPdf(slip, locale), contentType: 'application/pdf' });
  }
  return files;
}
