import postgres from 'postgres';

export type DatabaseProbe = { reachable: () => Promise<boolean>; close: () => Promise<void> };

/**
 * Whether PostgreSQL answers right now, on a connection of its own (the app's pool may be busy or broken), asked
 * only when a response is a 5xx. Without a URL (the embedded PGlite, in the process itself) it is always reachable.
 */
export function databaseProbe(url: string | undefined): DatabaseProbe {
  if (!url) return { reachable: async () => true, close: async () => undefined };
  const client = postgres(url, { max: 1, connect_timeout: 3, idle_timeout: 10, onnotice: () => {} });
  return {
    reachable: async () => {
      try {
        await client`select 1`;
        return true;
      } catch {
        return false;
      }
    },
    close: () => client.end({ timeout: 1 }),
  };
}
