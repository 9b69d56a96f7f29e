import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ephemeralPortRange, freePorts } from './ports';

describe('freePorts', () => {
  it('hands out distinct, bindable ports below the kernel ephemeral range', async () => {
    const [low] = ephemeralPortRange();
    const ports = [...(await freePorts(20)), ...(await freePorts(20))];
    expect(new Set(ports).size).toBe(40);
    for (const p of ports) {
      expect(p).toBeGreaterThanOrEqual(20_000);
      expect(p).toBeLessThan(low);
    }
    // each one can really be bound now
    for (const p of ports.slice(0, 5)) {
      await new Promise<void>((resolve, reject) => {
        const s = createServer();
        s.once('error', reject);
        s.listen({ port: p, host: '127.0.0.1', exclusive: true }, () => s.close(() => resolve()));
      });
    }
  });
});
