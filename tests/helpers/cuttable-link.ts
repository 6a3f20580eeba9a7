import net from 'node:net';

/**
 * A TCP relay to PostgreSQL that a test can cut and restore: while cut, connecting is refused and open
 * connections are reset, which is what the application sees when the database server goes away; restored, it
 * listens on the same port again. The database itself stays up for the test's own checks.
 */
export type CuttableLink = { url: string; cut: () => Promise<void>; restore: () => Promise<void>; close: () => Promise<void> };

export async function cuttableLink(databaseUrl: string): Promise<CuttableLink> {
  const target = new URL(databaseUrl);
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const relay = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    track(client);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => relay.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  await listen(0);
  const address = relay.address();
  if (!address || typeof address === 'string') throw new Error('the relay has no port');
  const port = address.port;
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);

  const cut = async () => {
    const closed = new Promise<void>((resolve) => relay.close(() => resolve()));
    for (const socket of sockets) socket.resetAndDestroy();
    await closed;
  };
  return { url: url.toString(), cut, restore: () => listen(port), close: cut };
}
