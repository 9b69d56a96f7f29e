import { join } from 'node:path';
import { repoRoot, spawnTs } from '@pasar/testkit';
import { addToCart, newCart, placeOrder, type TestMarket, waitForOrderStatus } from './market';

export { signIn } from './market';

/**
 * The demo data (cooperatives, members, an account for every role, products) written through each
 * service's own seed script into this market's databases; the running relays publish it.
 */
export async function seedDemo(m: TestMarket): Promise<void> {
  for (const [name, script] of [
    ['membership', 'src/seed/seed-membership.ts'],
    ['catalog', 'src/seed/seed-products.ts'],
  ] as const) {
    const proc = spawnTs(
      join(repoRoot(), 'services', name, script),
      { ...m.env, MONGO_URL: m.mongoUrls[name] },
      join(repoRoot(), 'services', name),
    );
    const code = await proc.exited;
    if (code !== 0) throw new Error(`${name} seed exited ${code}:\n${proc.output()}`);
  }
}

/**
 * In cooperative `coop`: a confirmed cash order (with its secret link) and a fresh cart, both with
 * `productId`. With `buyer` (a signed-in person's orders token) the order is recorded as theirs.
 */
export async function demoOrderAndCart(
  m: TestMarket,
  coop: string,
  productId: string,
  buyer?: { authorization: string },
) {
  const orderCart = await newCart(m, coop);
  await addToCart(m, orderCart, productId, 1);
  const placed = await placeOrder(m, orderCart, undefined, {}, buyer);
  if (placed.status !== 201) throw new Error(`place order: ${placed.status} ${JSON.stringify(placed.body)}`);
  await waitForOrderStatus(m, placed.body.order.id, placed.body.accessToken, ['CONFIRMED']);
  const cartId = await newCart(m, coop);
  await addToCart(m, cartId, productId, 1);
  return { cartId, orderId: placed.body.order.id, orderToken: placed.body.accessToken };
}
