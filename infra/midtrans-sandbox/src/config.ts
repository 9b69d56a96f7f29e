import { parseArgs } from 'node:util';
import { z } from 'zod';

/** The dev server key the local stack uses (Midtrans sandbox keys start with SB-Mid-server-). */
export const DEV_SERVER_KEY = 'SB-Mid-server-pasar-dev';

const ConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(12113),
  host: z.string().default('127.0.0.1'),
  serverKey: z.string().min(1).default(DEV_SERVER_KEY),
  merchantId: z.string().min(1).default('G000PASAR'),
  notificationUrl: z.string().url().optional(),
  publicUrl: z.string().url().optional(),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Flags win over env: --port, --host, --server-key, --merchant-id, --notification-url, --public-url. */
export function loadConfig(argv: string[], env: NodeJS.ProcessEnv): Config {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'server-key': { type: 'string' },
      'merchant-id': { type: 'string' },
      'notification-url': { type: 'string' },
      'public-url': { type: 'string' },
    },
  });
  return ConfigSchema.parse({
    port: values.port ?? env.PORT,
    host: values.host ?? env.HOST,
    serverKey: values['server-key'] ?? env.MIDTRANS_SERVER_KEY,
    merchantId: values['merchant-id'] ?? env.MIDTRANS_MERCHANT_ID,
    notificationUrl: values['notification-url'] ?? env.MIDTRANS_NOTIFICATION_URL,
    publicUrl: values['public-url'] ?? env.MIDTRANS_SANDBOX_PUBLIC_URL,
  });
}
