import { describe, expect, it } from 'vitest';
import { stockReserved } from '../test/events';
import { staffOf } from '../test/fixtures';
import { send, shopWithProducts } from '../test/http';
import { applyStockReserved } from '../use-cases/apply-stock-reserved';

async function completedCashOrder() {
  const shop = await shopWithProducts();
  const placed = await shop.placedOrder();
  const id = placed.order.id;
  await applyStockReserved(shop.deps, stockReserved(id, shop.keripik.productId));
  const code = shop.stores.orders.byId.get(id)!.pickupCode!;
  const base = `/cooperatives/karangbesuki/orders/${id}`;
  const gudang = await staffOf('karangbesuki', 'gudang');
  const kasir = await staffOf('karangbesuki', 'kasir');
  await send(shop.app, 'POST', `${base}/pack`, undefined, gudang);
  await send(shop.app, 'POST', `${base}/ready`, undefined, gudang);
  await send(shop.app, 'POST', `${base}/hand-over`, { pickupCode: code, cashReceived: 50_000 }, kasir);
  return { shop, id, token: placed.accessToken, base, kasir };
}

describe('the nota', () => {
  it('shows the cooperative, number, date, lines and money, and of the shopper only the name', async () => {
    const { shop, id, token } = await completedCashOrder();
    const res = await send(shop.app, 'GET', `/orders/${id}/nota`, undefined, { 'X-Order-Token': token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      notaNumber: 'KAR-2026-000001',
      orderId: id,
      cooperative: {
        name: 'Koperasi Kelurahan Merah Putih Karangbesuki',
        marketName: 'Karbes Market',
        address: 'Jl. Raya Karangbesuki No. 1, Sukun, Kota Malang',
      },
      date: '2026-11-23',
      placedAt: '2026-11-23T10:00:00.000Z',
      buyerName: 'Siti Aminah',
      fulfilment: 'pickup',
      lines: [
        {
          name: 'Keripik Tempe Bu Sri 250 g',
          unit: 'pack',
          quantity: 2,
          unitPrice: 15_000,
          lineTotal: 30_000,
          het: false,
        },
      ],
      subtotal: 30_000,
      deliveryFee: 0,
      total: 30_000,
      paymentMethod: 'cash',
      cashReceived: 50_000,
      change: 20_000,
      status: 'COMPLETED',
    });
    expect(JSON.stringify(res.body)).not.toContain('+62');
  });

  it('answers a PDF named by the nota number, for the shopper and for staff', async () => {
    const { shop, id, token, base, kasir } = await completedCashOrder();
    for (const [url, headers] of [
      [`/orders/${id}/nota.pdf?token=${token}`, {}],
      [`${base}/nota.pdf`, kasir],
    ] as const) {
      const res = await shop.app.request(url, { headers });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toContain('filename="nota-KAR-2026-000001.pdf"');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    }
  });

  it('hides the nota behind the order link and the staff roles', async () => {
    const { shop, id, base } = await completedCashOrder();
    const wrong = await send(shop.app, 'GET', `/orders/${id}/nota`, undefined, {
      'X-Order-Token': 'C'.repeat(43),
    });
    expect([wrong.status, wrong.body.code]).toEqual([404, 'ORDER.NOT_FOUND']);
    expect((await send(shop.app, 'GET', `/orders/${id}/nota.pdf`)).status).toBe(401);
    expect(
      (await send(shop.app, 'GET', `${base}/nota`, undefined, await staffOf('karangbesuki', 'pengawas')))
        .status,
    ).toBe(200);
    expect(
      (await send(shop.app, 'GET', `${base}/nota`, undefined, await staffOf('dinoyo', 'kasir'))).status,
    ).toBe(404);
    expect(
      (await send(shop.app, 'GET', `${base}/nota.pdf`, undefined, await staffOf('karangbesuki', 'penjual')))
        .status,
    ).toBe(403);
  });
});
