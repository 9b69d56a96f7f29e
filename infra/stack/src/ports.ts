import { createServer, type Server } from 'node:net';

const HOST = '127.0.0.1';

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port, host: HOST, exclusive: true }, () => resolve(server));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** `count` distinct ports that are free on 127.0.0.1 right now (all held open until every one is found). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, () => listen(0)));
  const ports = servers.map((s) => {
    const address = s.address();
    if (!address || typeof address === 'string') throw new Error('unexpected server address');
    return address.port;
  });
  await Promise.all(servers.map(close));
  return ports;
}

export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port!;
}

/** Throws a clear error when a fixed port is already taken (e.g. by another running dev stack). */
export async function assertPortFree(port: number, what: string): Promise<void> {
  try {
    await close(await listen(port));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(
      `${what}: port ${HOST}:${port} is not free (${code ?? String(err)}). ` +
        'Is a Pasar stack already running? Stop it, or use free ports (`up --free-ports`).',
    );
  }
}
