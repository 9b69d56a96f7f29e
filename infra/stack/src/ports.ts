import { readFileSync } from 'node:fs';
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

/**
 * The range the kernel takes outgoing connections' local ports from (Linux:
 * /proc/sys/net/ipv4/ip_local_port_range, 32768–60999 by default).
 */
export function ephemeralPortRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    if (low && high && low < high) return [low, high];
  } catch {
    // not Linux: fall through to the usual range
  }
  return [32768, 60999];
}

const FIRST = 20_000; // above the fixed ports of a dev stack and of most local tools
const handedOut = new Set<number>(); // never the same port twice from this process

/**
 * `count` distinct ports that are free on 127.0.0.1 right now (all held open until every one is
 * found). They are picked at random *below* the kernel's ephemeral range: a port from `listen(0)`
 * lies inside it, and in the seconds before a service binds it (or while a killed service
 * restarts on it) any outgoing connection, to Kafka or FerretDB, may take it as its local port,
 * and the service then exits with EADDRINUSE (the likely cause of a chaos-test failure in CI, whose
 * log did not say). Below the range only another listener can hold a port, and the bind check
 * here sees that.
 */
export async function freePorts(count: number): Promise<number[]> {
  const [low] = ephemeralPortRange();
  const last = low - 1;
  if (last - FIRST < 1_000) return kernelPorts(count); // an unusual range: leave it to the kernel
  const servers: Server[] = [];
  const ports: number[] = [];
  for (let tries = 0; ports.length < count; tries++) {
    if (tries > 1_000) throw new Error(`no free port found between ${FIRST} and ${last}`);
    const port = FIRST + Math.floor(Math.random() * (last - FIRST + 1));
    if (handedOut.has(port)) continue;
    const server = await listen(port).catch(() => undefined);
    if (!server) continue;
    servers.push(server);
    ports.push(port);
    handedOut.add(port);
  }
  await Promise.all(servers.map(close));
  return ports;
}

async function kernelPorts(count: number): Promise<number[]> {
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
