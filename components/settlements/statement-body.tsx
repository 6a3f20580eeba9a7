import type { StatementWords } from '@/lib/settlements/statement/words';

/** The § 15 statement as HTML: the same words, in the same order, as its PDF. */
export function StatementBody({ words }: { words: StatementWords }) {
  return (
    <article className="grid max-w-2xl gap-6">
      <p className="text-slate-700">{words.intro}</p>
      <dl className="grid gap-x-4 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[10rem_1fr]">
        {words.facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      {words.sections.map((section) => (
        <section key={section.heading} aria-label={section.heading} className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-2 text-lg font-semibold">{section.heading}</h2>
          <table className="w-full text-left text-sm">
            <tbody>
              {section.rows.map((row) => (
                <tr key={row.label} className={row.total ? 'border-t border-slate-300 font-semibold' : ''}>
                  <th scope="row" className={`py-1 pr-4 ${row.total ? '' : 'font-normal text-slate-700'}`}>
                    {row.label}
                  </th>
                  <td className="py-1 text-right tabular-nums whitespace-nowrap">{row.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </article>
  );
}
