import type { LetterWords } from '@/lib/letters/words';

/** The letter's text as HTML: the same words, in the same order, as its PDF (lib/letters/words.ts). */
export function LetterBody({ words }: { words: LetterWords }) {
  return (
    <article className="grid gap-3" aria-label={words.title}>
      <header>
        <h3 className="font-semibold text-slate-900">{words.title}</h3>
        <p className="text-slate-600">{words.sentOn}</p>
      </header>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
        {words.facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <table className="w-full max-w-md text-left">
        <tbody>
          {words.amounts.map(([label, value], index) => {
            // The last row is the amount to pay.
            const isTotal = index === words.amounts.length - 1;
            return (
              <tr key={label}>
                <th scope="row" className={isTotal ? 'font-semibold' : 'font-normal text-slate-600'}>
                  {label}
                </th>
                <td className={`text-right tabular-nums ${isTotal ? 'font-semibold' : ''}`}>{value}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {words.paragraphs.map((paragraph) => (
        <p key={paragraph} className="text-slate-700">
          {paragraph}
        </p>
      ))}
    </article>
  );
}
