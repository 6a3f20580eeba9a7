// Set by the server (lib/cli/serve.ts) on SIGTERM: /api/ready then answers 503, so the load balancer sends no new
// requests while the ones in flight finish. A process-wide slot: the server and Next's bundle share globalThis.
const slot = globalThis as unknown as { portalDraining?: boolean };

export function startDraining() {
  slot.portalDraining = true;
}

export function isDraining(): boolean {
  return slot.portalDraining === true;
}
