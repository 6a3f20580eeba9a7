import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases, invoices } from '@/db/schema';
import { todayInOslo } from '@/lib/dates';
import { DEMO_API_KEY, DEMO_API_KEY_COMPANY_ID } from '@/lib/demo/accounts';
import type { Visitor } from './browser';
import { psql } from './infra';
import { report } from './report';

const readConnections = (port: number) =>
  psql(port, 'postgres', "select application_name || ': ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 70) from pg_stat_activity where application_name like '%-read' order by 1")
    .trim()
    .split('\n')
    .filter(Boolean);

/** The lag-tolerant reads go to the replica (DATABASE_READ_URL); a write and the read right after it, to the primary. */
export async function checkReplica(db: Database, admin: Visitor, lb: string, ports: { primary: number; replica: number }) {
  const answers = [
    await admin.get(lb, '/api/cases/export?locale=nb'),
    await admin.get(lb, '/nb/insights'),
    await admin.get(lb, '/nb/reports'),
    await fetch(new URL('/api/v1/cases?limit=50', lb), { headers: { Authorization: `Bearer ${DEMO_API_KEY}` } }).then((response) => ({ status: response.status })),
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
    .select({ caseNumber: cases.caseNumber, balanceOre: cases.balanceOre, invoiceNumber: invoices.invoiceNumber })
    .from(cases)
    .innerJoin(invoices, eq(invoices.caseId, cases.id))
    .where(and(eq(cases.companyId, DEMO_API_KEY_COMPANY_ID), eq(cases.status, 'active')))
    .limit(1);
  if (!target) return report(false, 'a write is visible on the primary at once', 'no active case of the API company');
  const paid = await fetch(new URL('/api/v1/payments', lb), {
    method: 'POST',
    headers: { Authorization: `Bearer ${DEMO_API_KEY}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ invoiceNumber: target.invoiceNumber, amountOre: 100, paidOn: todayInOslo() }),
  });
  const read = await fetch(new URL(`/api/v1/cases/${target.caseNumber}`, lb), { headers: { Authorization: `Bearer ${DEMO_API_KEY}` } });
  const balance = ((await read.json()) as { balanceOre?: number; case?: { balanceOre?: number } }) ?? {};
  const seen = balance.balanceOre ?? balance.case?.balanceOre;
  report(
    paid.status < 300 && seen === target.balanceOre - 100,
    'a write is visible on the primary at once (the read right after it uses the primary)',
    `payment of 1,00 kr: ${paid.status}; the case read at once: balance ${seen} øre, before ${target.balanceOre} øre`,
  );
}

/** The web instances' pool went through PgBouncer in transaction mode (its console counts the clients). */
export function checkPgBouncer(port: number) {
  const pools = psql(port, 'pgbouncer', 'SHOW POOLS').trim().split('\n').filter((line) => line.startsWith('portal|'));
  const mode = psql(port, 'pgbouncer', 'SHOW CONFIG').split('\n').find((line) => line.startsWith('pool_mode|')) ?? '';
  const clients = pools.map((line) => line.split('|')).map((fields) => `${fields[1]}: ${fields[2]} client(s) active, ${fields[6] ?? '?'} server(s) active, ${fields[7] ?? '?'} idle`);
  report(pools.length > 0 && mode.includes('transaction'), 'the portal works behind PgBouncer in transaction mode (every check above went through it)', `${mode.split('|').slice(0, 2).join(' = ')}; ${clients.join('; ')}`);
}
