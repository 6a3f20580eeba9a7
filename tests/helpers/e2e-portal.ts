/** The portal this worker's files talk to (set per worker by tests/helpers/e2e-database.ts). */
export function portalUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is set by tests/helpers/e2e-database.ts in the e2e project');
  return url;
}
