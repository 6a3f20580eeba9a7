import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { gatedRoute, requireStaff } from '@/lib/auth/gate';
import { objectionFileResponse } from '@/lib/objections/download';
import { getObjectionFile } from '@/lib/objections/queries';

type Context = RouteContext<'/api/desk/cases/[caseId]/objection-files/[fileId]'>;

/** GET: a file the debtor attached to an objection, on the desk (agency staff only; creditors get 404). */
export const GET = gatedRoute(async (_request: NextRequest, context: Context): Promise<Response> => {
  await requireStaff();
  const { caseId, fileId } = await context.params;
  const valid = z.uuid().safeParse(caseId).success && z.uuid().safeParse(fileId).success;
  return objectionFileResponse(valid ? await getObjectionFile(null, caseId, fileId) : null);
});
