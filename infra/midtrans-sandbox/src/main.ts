// node --import tsx src/main.ts --port 12113 --server-key SB-Mid-server-pasar-dev [--notification-url URL]
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { loadConfig } from './config';
import { Sandbox } from './sandbox';

const config = loadConfig(process.argv.slice(2), process.env);
const sandbox = new Sandbox(config.serverKey, config.merchantId, { notificationUrl: config.notificationUrl });
const server = serve(
  {
    fetch: createApp(sandbox, { publicUrl: config.publicUrl }).fetch,
    port: config.port,
    hostname: config.host,
  },
  (info) => {
    console.log(
      `midtrans-sandbox listening on http://${config.host}:${info.port} ` +
        `(notifications → ${config.notificationUrl ?? 'none until set'})`,
    );
  },
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    sandbox.reset();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
