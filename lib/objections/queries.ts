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
    .where(
      and(eq(objectionFiles.id, fileId), eq(objections.caseId, caseId), companyId ? eq(objectionFiles.companyId, companyId) : undefined),
    )
    .limit(1);
  return row ?? null;
}

const FILE_LINK = { id: objectionFiles.id, caseId: objections.caseId, taskId: objections.taskId, fileName: objectionFiles.fileName };

/** The files of a case's objections (names only, for links): the creditor's by its company, the desk's (`null`) all. */
export async function listCaseObjectionFiles(companyId: string | null, caseId: string) {
  return db
    .select(FILE_LINK)
    .from(objectionFiles)
    .innerJoin(objections, eq(objections.id, objectionFiles.objectionId))
    .where(and(eq(objections.caseId, caseId), companyId ? eq(objectionFiles.companyId, companyId) : undefined))
    .orderBy(asc(objectionFiles.createdAt), asc(objectionFiles.fileName))
    .limit(50);
}

/** The files behind Innsikt's task rows (names only), within the companies the gate allowed. */
export async function listTaskObjectionFiles(companyIds: string[], taskIds: string[]) {
  if (companyIds.length === 0 || taskIds.length === 0) return [];
  return db
    .select(FILE_LINK)
    .from(objectionFiles)
    .innerJoin(objections, eq(objections.id, objectionFiles.objectionId))
    .where(and(inArray(objectionFiles.companyId, companyIds), inArray(objections.taskId, taskIds)))
    .orderBy(asc(objectionFiles.createdAt), asc(objectionFiles.fileName));
}
