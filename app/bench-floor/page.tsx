import { notFound } from 'next/navigation';

// The framework's own floor for `npm run bench:cases`: a dynamic page rendering a fixed 50-row table, with no
// session, no translations and no database. Served only when the benchmark starts the server with BENCH_FLOOR=1.
export const dynamic = 'force-dynamic';

const ROWS = Array.from({ length: 50 }, (_, index) => ({
  id: index + 1,
  caseNumber: 100_001 + index,
  debtor: `Debtor ${index + 1}`,
  status: index % 3 === 0 ? 'Paused' : 'Active',
  amount: ((index + 1) * 1234.5).toFixed(2),
  registered: `2026-01-${String((index % 28) + 1).padStart(2, '0')}`,
}));

export default function FloorPage() {
  if (process.env.BENCH_FLOOR !== '1') notFound();
  return (
    <main>
      <h1>Floor</h1>
      <table>
        <thead>
          <tr>
            <th>Case</th>
            <th>Debtor</th>
            <th>Status</th>
            <th>Amount</th>
            <th>Registered</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.id}>
              <td>
                <a href={`/cases/${row.id}`}>{row.caseNumber}</a>
              </td>
              <td>{row.debtor}</td>
              <td>{row.status}</td>
              <td>{row.amount}</td>
              <td>{row.registered}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
