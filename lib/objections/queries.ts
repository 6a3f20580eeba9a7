import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db';
import { objectionFiles, objections } from '@/db/schema';

/**
 * One objection file of a case, with its bytes: for the creditor scoped by its company (another company's file is
 * simply not found), for the desk (`companyId: null`) by the case alone.
 */
export async function getObjectionFile(companyId: string | null, caseId: string, fileId: string) {
  const [row] = await db
    .select({ fileName: objectionFiles.fileName, contentType: objectionFiles.contentType, content: objectionFiles.content })
    .from(objectionFiles)
    .innerJoin(objections, eq(objections.id, objectionFiles.objectionId))
    .where(and(eq(objectionFiles.id, fileId), eq(objections.caseId, caseId), companyId ? eq(objectionFiles.companyId, companyId) : undefined))
    .limit(1);
  return row ?? null;
}

/** The files of a case's objections (names only), for links on the case page, the desk and the Innsikt task. */
export async function listObjectionFiles(companyId: string | null, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({ id: objectionFiles.id, objectionId: objectionFiles.objectionId, caseId: objections.caseId, fileName: objectionFiles.fileName, taskId: objections.taskId })
    .from(objectionFiles)
    .innerJoin(objections, eq(objections.id, objectionFiles.objectionId))
    .where(and(inArray(objections.caseId, caseIds.slice(0, 200)), companyId ? eq(objectionFiles.companyId, companyId) : undefined))
    .orderBy(asc(objectionFiles.createdAt), asc(objectionFiles.fileName));
}
