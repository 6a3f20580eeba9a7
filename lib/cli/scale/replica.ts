import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases, invoices } from '@/db/schema';
import { todayInOslo } from '@/lib/dates';
import { DEMO_API_KEY, DEMO_API_KEY_COMPANY_ID } from '@/lib/demo/accounts';
import type { Visitor } from './browser';
import { psql } from './infra';
import { report } from './report';

const readConnections = (port: number) =>
  psql(
    port,
    'postgres',
    "select application_name || ': ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 70) from pg_stat_activity where application_name like '%-read' order by 1",
  )
    .trim()
    .split('\n')
    .filter(Boolean);

/** The lag-tolerant reads go to the replica (DATABASE_READ_URL); a write and the read right after it, to the primary. */
export async function checkReplica(db: Database, admin: Visitor, lb: string, ports: { primary: number; replica: number }) {
  const answers = [
    await admin.get(lb, '/api/cases/export?locale=nb'),
    await admin.get(lb, '/nb/insights'),
    await admin.get(lb, '/nb/reports'),
    await fetch(new URL('/api/v1/cases?limit=50', lb), { headers: { Authorization: `Bearer ${DEMO_API_KEY}` } }).then((response) => ({
      status: response.status,
    })),
  ];
  const onReplica = readConnections(ports.replica);
  const onPrimary = readConnections(ports.primary);
  const recovering = psql(ports.replica, 'postgres', 'select pg_is_in_recovery()').trim() === 't';
  report(
    answers.every((answer) => answer.status === 200) && recovering && onReplica.length > 0 && onPrimary.length === 0,
    'exports, Innsikt, Rapporter and GET /api/v1/cases read from the streaming replica',
    `answers ${answers.map((answer) => answer.status).join(', ')}; replica in recovery: ${recovering}; read connections on the replica: ${onReplica.length} (${onReplica.slice(0, 4).join(' | ')}); on the primary: ${onPrimary.length}`,
  );

  // A payment through the API, then the case at once (GET /api/v1/cases/{n} reads the primary).
  const [target] = await db
    .select({ caseNumber: cases.caseNumber, invoiceNumber: invoices.invoiceNumber })
    .from(cases)
    .innerJoin(invoices, eq(invoices.caseId, cases.id))
    .where(and(eq(cases.companyId, DEMO_API_KEY_COMPANY_ID), eq(cases.status, 'active')))
    .limit(1);
  if (!target) return report(false, 'a write is visible on the primary at once', 'no active case of the API company');
  const api = (pathname: string, init: RequestInit = {}) =>
    fetch(new URL(pathname, lb), {
      ...init,
      headers: { Authorization: `Bearer ${DEMO_API_KEY}`, 'Content-Type': 'application/json', ...init.headers },
    });
  type Detail = { balanceOre?: number; history?: { type: string }[] };
  const read = async () => (await (await api(`/api/v1/cases/${target.caseNumber}`)).json()) as Detail;
  const payments = (detail: Detail) => detail.history?.filter((entry) => entry.type === 'payment.registered').length ?? 0;
  const before = await read();
  const paid = await api('/api/v1/payments', {
    method: 'POST',
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ invoiceNumber: target.invoiceNumber, amountOre: 100, paidOn: todayInOslo() }),
  });
  const after = await read();
  report(
    paid.status < 300 && payments(after) === payments(before) + 1,
    'a write is visible on the primary at once (the read right after it uses the primary)',
    `the case through the API: ${payments(before)} payment(s); a payment of 1,00 kr: ${paid.status}; the case read at once: ${payments(after)} payment(s), balance ${before.balanceOre} → ${after.balanceOre} øre (interest to today posted with the payment)`,
  );
}

/** PgBouncer's console, one table as rows of named columns (its columns differ between versions). */
function bouncerTable(port: number, command: string): Record<string, string>[] {
  const [header, ...lines] = psql(port, 'pgbouncer', command, { header: true }).trim().split('\n');
  const names = header?.split('|') ?? [];
  return lines
    .filter((line) => !line.startsWith('('))
    .map((line) => Object.fromEntries(line.split('|').map((value, i) => [names[i] ?? String(i), value])));
}

/** The web instances' pool goes through PgBouncer in transaction mode: its console counts their transactions. */
export function checkPgBouncer(port: number) {
  const mode = bouncerTable(port, 'SHOW CONFIG').find((row) => row.key === 'pool_mode')?.value;
  const stats = bouncerTable(port, 'SHOW STATS').find((row) => row.database === 'portal');
  const pools = bouncerTable(port, 'SHOW POOLS').filter((row) => row.database === 'portal');
  const clients = pools.reduce((sum, row) => sum + Number(row.cl_active ?? 0) + Number(row.cl_waiting ?? 0), 0);
  const servers = pools.reduce((sum, row) => sum + Number(row.sv_active ?? 0) + Number(row.sv_idle ?? 0) + Number(row.sv_used ?? 0), 0);
  report(
    mode === 'transaction' && Number(stats?.total_xact_count ?? 0) > 0,
    'the portal works behind PgBouncer in transaction mode (every page, action and API call above went through it)',
    `pool_mode = ${mode}; ${stats?.total_xact_count ?? 0} transactions and ${stats?.total_query_count ?? 0} queries from the instances so far; now ${clients} client connection(s) on ${servers} server connection(s)`,
  );
}
