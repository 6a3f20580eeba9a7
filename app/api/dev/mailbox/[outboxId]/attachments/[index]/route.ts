import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { db } from '@/db';
import { gatedRoute, requireSignedIn } from '@/lib/auth/gate';
import { renderAttachments } from '@/lib/settlements/slips/attachments';
import { devMailboxEnabled, getMailboxAttachment } from '@/lib/email/mailbox';
import { attachmentDisposition } from '@/lib/http/content-disposition';

const NOT_FOUND = () =>
  new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/**
 * GET /api/dev/mailbox/<outboxId>/attachments/<index>: the file the delivery job would attach, rendered the same
 * way. Only where the development mailbox exists (demo), with a full session, for a message that user's mailbox
 * shows and of a company they belong to: a slip is financial data.
 */
export const GET = gatedRoute(
  async (_request: NextRequest, context: { params: Promise<{ outboxId: string; index: string }> }): Promise<Response> => {
    if (!devMailboxEnabled()) return NOT_FOUND();
    const user = await requireSignedIn();
    const { outboxId, index } = await context.params;
    const position = z.coerce.number().int().min(0).max(20).safeParse(index);
    if (!z.uuid().safeParse(outboxId).success || !position.success) return NOT_FOUND();
    const found = await getMailboxAttachment(user, outboxId, position.data);
    if (!found) return NOT_FOUND();
    const [file] = await renderAttachments(db, found.companyId, found.locale, [found.ref]).catch(() => []);
    if (!file) return NOT_FOUND();
    return new Response(new Uint8Array(file.content), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': attachmentDisposition(file.filename),
        'Content-Length': String(file.content.byteLength),
        'Cache-Control': 'no-store',
      },
    });
  },
);
