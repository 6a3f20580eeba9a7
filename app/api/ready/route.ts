import { db } from '@/db';
import { checkReadiness } from '@/lib/health/readiness';

/**
 * GET /api/ready (public; the load balancer's readiness check): 200 when the database answers and its migrations are
 * current, 503 otherwise or while the instance shuts down. Says why, never how (no error text, no addresses).
 */
export async function GET() {
  const readiness = await checkReadiness(db);
  const headers = { 'Cache-Control': 'no-store' };
  if (readiness.ready) return Response.json({ status: 'ready' }, { headers });
  return Response.json({ status: 'unavailable', reason: readiness.reason }, { status: 503, headers: { ...headers, 'Retry-After': '5' } });
}
