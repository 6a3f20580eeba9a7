import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { gatedRoute, requireCaseRole } from '@/lib/auth/gate';
import { objectionFileResponse } from '@/lib/objections/download';
import { getObjectionFile } from '@/lib/objections/queries';

type Context = RouteContext<'/api/cases/[caseId]/objection-files/[fileId]'>;

/** GET: a file the debtor attached to an objection, for users of the case's company (Lese and up); else not found. */
export const GET = gatedRoute(async (_request: NextRequest, context: Context): Promise<Response> => {
  const { caseId, fileId } = await context.params;
  const actor = await requireCaseRole(caseId, 'read');
  return objectionFileResponse(z.uuid().safeParse(fileId).success ? await getObjectionFile(actor.companyId, caseId, fileId) : null);
});
