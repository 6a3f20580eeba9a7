/** GET /api/health: the process is alive and serving (public; the load balancer's liveness check). No database. */
export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
