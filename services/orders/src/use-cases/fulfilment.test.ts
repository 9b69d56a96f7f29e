import { describe, expect, it } from 'vitest';
import { toOrderView } from '../domain/views';
import { stockReserved } from '../test/events';
import { shopWithProducts } from '../test/http';
import { applyStockReserved } from './apply-stock-reserved';
import { packOrder } from './pack-order';

const gudang = { personId: 'per_gudang', roles: ['gudang' as const] };

describe('orders from before nota numbers', () => {
  it('show a null nota number, and get one at their next staff step (the event carries it)', async () => {
    const shop = await shopWithProducts();
    const { order } = await shop.placedOrder();
    await applyStockReserved(shop.deps, stockReserved(order.id, shop.keripik.productId));
    const stored = shop.stores.orders.byId.get(order.id)!;
    stored.notaNumber = null; // as stored before nota numbers existed
    expect(toOrderView(stored).notaNumber).toBeNull();

    const packed = await packOrder(shop.deps, gudang, 'karangbesuki', order.id);

    expect(packed.notaNumber).toBe('KAR-2026-000002');
    const evt = shop.stores.orders.outbox.find((e) => e.type === 'pasar.orders.order.packed');
    expect(evt?.data).toMatchObject({ notaNumber: 'KAR-2026-000002' });
  });

  it('numbers orders of one cooperative in sequence, each cooperative on its own', async () => {
    const shop = await shopWithProducts();
    const a = await shop.placedOrder();
    const b = await shop.placedOrder();
    const c = await shop.placedOrder({}, undefined, { cooperativeId: 'dinoyo' });
    expect([a, b, c].map((p) => (p.order as { notaNumber?: string }).notaNumber)).toEqual([
      'KAR-2026-000001',
      'KAR-2026-000002',
      'DIN-2026-000001',
    ]);
  });
});
