import { getTranslations } from 'next-intl/server';

export type ObjectionFileLink = { id: string; caseId: string; fileName: string };

/** The debtor's objection files as download links: the creditor's route, or the desk's (`desk`). */
export async function ObjectionFileLinks({ files, desk = false }: { files: ObjectionFileLink[]; desk?: boolean }) {
  if (files.length === 0) return null;
  const t = await getTranslations('objectionFiles');
  return (
    <div className="mt-2 text-sm">
      <p className="text-slate-700">{t('heading')}</p>
      <ul className="grid gap-1">
        {files.map((file) => (
          <li key={file.id}>
            <a
              href={`/api/${desk ? 'desk/' : ''}cases/${file.caseId}/objection-files/${file.id}`}
              download
              className="font-medium break-all text-brand-700 underline"
            >
              {file.fileName}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
