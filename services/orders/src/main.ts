import { createTokenVerifier, loadConfig, openRuntime, startMain } from '@pasar/service-kit';
import { createApp } from './app';
import { OrdersConfigSchema } from './config';
import { createHandoverThrottle } from './db/handover-throttle';
import { createMongoStores } from './db/repositories';
import { orderSubscriptions } from './events/subscriptions';
import { startExpirySweeper } from './jobs/expiry-sweeper';
import { startNotifier } from './notifications/notifier';
import type { OrdersDeps } from './use-cases/ports';

startMain('orders', async () => {
  const config = loadConfig(OrdersConfigSchema);
  const rt = await openRuntime('orders', config);
  const stores = await createMongoStores(rt.conn);
  const relay = rt.relay([stores.ordersOutbox]);
  const deps: OrdersDeps = {
    products: stores.products,
    cooperatives: stores.cooperatives,
    carts: stores.carts,
    orders: stores.orders,
    expiries: stores.expiries,
    notaCounters: stores.notaCounters,
    handoverThrottle: createHandoverThrottle(),
    buyerLimits: stores.buyerLimits,
    settings: {
      paymentMethods: config.PAYMENT_METHODS,
      nikHashSalt: config.NIK_HASH_SALT,
      ...(config.ORDER_EXPIRY_SECONDS ? { orderExpirySeconds: config.ORDER_EXPIRY_SECONDS } : {}),
    },
    logger: rt.logger,
    clock: () => new Date(),
    nudge: (orderId) =>
      relay.nudge(stores.ordersOutbox, orderId, stores.outboxImages.take('orders', orderId)),
  };
  await rt.consume(orderSubscriptions(deps));
  await startNotifier(rt, config, stores); // its own consumer group: mail never holds up an order
  const sweeper = startExpirySweeper(deps, config.ORDER_SWEEP_INTERVAL_MS);
  rt.onShutdown(() => sweeper.stop()); // stops first: shutdown runs in reverse
  await rt.serve(
    createApp({
      ...deps,
      verifier: createTokenVerifier({ service: 'orders', jwks: new URL(config.MEMBERSHIP_JWKS_URL) }),
      readiness: rt.readiness,
      stream: { pollMs: config.ORDER_STREAM_POLL_MS },
    }),
  );
});
