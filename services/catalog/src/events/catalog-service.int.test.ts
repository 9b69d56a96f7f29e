import {
  dlqTopic,
  newEvent,
  OrderPlaced,
  SellerApproved,
  SellerReinstated,
  SellerSuspended,
  Topics,
} from '@pasar/contracts';
import { listDeadLetterTopics } from '@pasar/events';
import { freePort, mongoUrlFor, spawnService, testInfra, uniqueName, waitFor } from '@pasar/testkit';
import { readTopics, testBus } from '@pasar/events/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveJwks } from '@pasar/service-kit/testing';
import {
  bearer,
  issuer,
  json,
  PEOPLE,
  newOrderId,
  orderCancelled,
  orderConfirmed,
  orderLine,
  orderPlaced,
} from '../../test/builders';

/**
 * The catalog service as a process (src/main.ts) on the real Kafka and FerretDB, isolated by a
 * topic prefix and its own database: product events leave through the outbox, and the stock saga
 * answers orders' events on catalog.stock.v1.
 */
describe('catalog service over Kafka', () => {
  const bus = testBus('catalog-it');
  let service: Awaited<ReturnType<typeof spawnService>>;
  let probe: Awaited<ReturnType<typeof readTopics>>;
  let staff: Record<string, string>;
  // membership's JWKS endpoint, as the service fetches it: the test issuer's public keys.
  let jwks: Awaited<ReturnType<typeof serveJwks>>;

  beforeAll(async () => {
    jwks = await serveJwks(issuer);
    staff = await bearer(PEOPLE.gudang);
    service = await spawnService('catalog', await freePort(), {
      MONGO_URL: mongoUrlFor(uniqueName('catalog_svc')),
      KAFKA_BROKERS: testInfra().kafkaBrokers,
      KAFKA_TOPIC_PREFIX: bus.topicPrefix,
      MEMBERSHIP_JWKS_URL: jwks.url,
      LOG_LEVEL: 'warn',
      OUTBOX_SWEEP_MS: '200',
    });
    probe = await readTopics(bus, [
      Topics.catalogProduct.name,
      Topics.catalogStock.name,
      Topics.auditEntry.name,
    ]);
  });
  afterAll(async () => {
    await probe?.stop();
    expect(await service?.stop()).toBe(0); // SIGTERM drains and exits cleanly
    await bus.disconnect();
    await jwks?.close();
  });

  const createProduct = async (body: Record<string, unknown>) => {
    const res = await fetch(`${service.url}/cooperatives/karangbesuki/products`, {
      method: 'POST',
      headers: { ...staff, 'content-type': 'application/json' },
      body: JSON.stringify({ sellerId: 'mbr_sri', category: 'lpg', unit: 'tabung', price: 18_000, ...body }),
    });
    expect(res.status).toBe(201);
    return json(res);
  };
  const stockOf = async (id: string) => (await json(await fetch(`${service.url}/products/${id}`))).stock;
  const publish = async (events: { subject: string }[], topic: string = OrderPlaced.topic) => {
    const producer = await bus.producer();
    await producer.send({
      topic: bus.topic(topic),
      messages: events.map((e) => ({ key: e.subject, value: JSON.stringify(e) })),
    });
  };

  it('refuses staff routes without a token the service can verify against the JWKS', async () => {
    const res = await fetch(`${service.url}/cooperatives/karangbesuki/products`, {
      method: 'POST',
      headers: { authorization: 'Bearer not.a.token', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
  });

  it('publishes ProductPublished and the audit entry through the outbox when a product is created', async () => {
    const product = await createProduct({ sku: 'LPG-3', name: 'LPG 3 kg', stock: 5, maxPerOrder: 2 });
    const audit = await probe.waitFor('pasar.audit.entry.recorded', 'karangbesuki');
    expect(audit.data).toMatchObject({
      actorId: 'prs_gudang',
      action: 'catalog.product.created',
      target: { type: 'product', id: product.id },
    });
    const evt = await probe.waitFor('pasar.catalog.product.published', product.id);
    expect(evt.data).toMatchObject({
      productId: product.id,
      price: 18_000,
      maxPerOrder: 2,
      status: 'published',
    });
  });

  it('answers OrderPlaced with StockReserved, then commits and releases', async () => {
    const product = await createProduct({ sku: 'LPG-A', name: 'LPG 3 kg A', stock: 5 });
    const orderId = newOrderId();
    const lines = [orderLine(product, 2)];

    await publish([orderPlaced(orderId, lines)]);
    const reserved = await probe.waitFor('pasar.catalog.stock.reserved', orderId);
    expect(reserved.data).toEqual({ orderId, lines: [{ productId: product.id, quantity: 2 }] });
    expect(await stockOf(product.id)).toEqual({ available: 3, reserved: 2 });

    await publish([orderConfirmed(orderId, lines)]);
    await probe.waitFor('pasar.catalog.stock.committed', orderId);
    expect(await stockOf(product.id)).toEqual({ available: 3, reserved: 0 });

    await publish([orderCancelled(orderId, lines)]);
    const released = await probe.waitFor('pasar.catalog.stock.released', orderId);
    expect(released.data).toMatchObject({ reason: 'cancelled' });
    expect(released.causationid).toBeDefined();
    expect(await stockOf(product.id)).toEqual({ available: 5, reserved: 0 });
  });

  it('reserves once when orders delivers the placement twice', async () => {
    const product = await createProduct({ sku: 'LPG-D', name: 'LPG 3 kg D', stock: 5 });
    const orderId = newOrderId();
    const lines = [orderLine(product, 1)];
    const placed = orderPlaced(orderId, lines);

    await publish([placed, placed, orderPlaced(orderId, lines), orderConfirmed(orderId, lines)]);

    await probe.waitFor('pasar.catalog.stock.committed', orderId); // same key: handled after the three placements
    expect(probe.seen.filter((e) => e.subject === orderId).map((e) => e.type)).toEqual([
      'pasar.catalog.stock.reserved',
      'pasar.catalog.stock.committed',
    ]);
    expect(await stockOf(product.id)).toEqual({ available: 4, reserved: 0 });
  });

  it('answers an order larger than the stock with StockRejected and changes nothing', async () => {
    const product = await createProduct({ sku: 'LPG-B', name: 'LPG 3 kg B', stock: 1 });
    const orderId = newOrderId();

    await publish([orderPlaced(orderId, [orderLine(product, 2)])]);

    const rejected = await probe.waitFor('pasar.catalog.stock.rejected', orderId);
    expect(rejected.data).toEqual({
      orderId,
      reason: 'INSUFFICIENT_STOCK',
      productId: product.id,
      productName: 'LPG 3 kg B',
      requested: 2,
      available: 1,
    });
    expect(await stockOf(product.id)).toEqual({ available: 1, reserved: 0 });
  });

  it('parks a record it cannot parse on the dead-letter topic and keeps consuming', async () => {
    const product = await createProduct({ sku: 'LPG-C', name: 'LPG 3 kg C', stock: 3 });
    const good = orderPlaced(newOrderId(), [orderLine(product, 1)]);
    const bad = { ...orderPlaced(newOrderId(), [orderLine(product, 1)]), data: { orderId: 'not-an-order' } };
    const producer = await bus.producer();

    await producer.send({
      topic: bus.topic(OrderPlaced.topic),
      messages: [
        { key: good.subject, value: '{not json' },
        { key: good.subject, value: JSON.stringify(bad) },
        { key: good.subject, value: JSON.stringify(good) },
      ],
    });

    await probe.waitFor('pasar.catalog.stock.reserved', good.data.orderId);
    const dlq = dlqTopic(OrderPlaced.topic, `${bus.topicPrefix}catalog`);
    const parked = await waitFor(
      async () => {
        const found = (await listDeadLetterTopics(bus)).find((t) => t.topic === dlq);
        return found && found.records >= 2 ? found : undefined;
      },
      { what: 'two records on the dead-letter topic' },
    );
    expect(parked.records).toBe(2);
  });

  it('hides a suspended seller within one event, brings them back on reinstatement, and still commits an order placed before', async () => {
    const sri = {
      sellerId: 'mbr_sri_kafka',
      personId: 'prs_sri',
      cooperativeId: 'karangbesuki',
      shopName: 'Dapur Bu Sri',
      description: 'Keripik tempe rumahan',
      handoff: 'drop_off' as const,
    };
    const ctx = { source: 'urn:pasar:membership-test', cooperativeId: 'karangbesuki' };
    const sellerEvent = (def: typeof SellerApproved | typeof SellerReinstated) =>
      newEvent(def, sri.sellerId, sri, ctx);
    const get = (path: string) => fetch(`${service.url}${path}`);
    const names = async (qs = '') =>
      ((await json(await get(`/cooperatives/karangbesuki/products${qs}`))).items as { name: string }[]).map(
        (p) => p.name,
      );
    const statusOf = async (path: string) => (await get(path)).status;

    await publish([sellerEvent(SellerApproved)], SellerApproved.topic);
    await waitFor(
      async () => (await statusOf('/cooperatives/karangbesuki/sellers/mbr_sri_kafka')) === 200 || undefined,
      {
        what: 'the seller page after SellerApproved',
      },
    );
    const product = await createProduct({
      sku: 'SRI-K',
      sellerId: sri.sellerId,
      name: 'Keripik Kafka Sri',
      category: 'makanan-ringan',
      unit: 'pack',
      stock: 5,
    });
    expect(product.seller).toEqual({ sellerId: sri.sellerId, shopName: 'Dapur Bu Sri' });
    const before = newOrderId();
    const lines = [orderLine(product, 2)];
    await publish([orderPlaced(before, lines)]);
    await probe.waitFor('pasar.catalog.stock.reserved', before);

    await publish(
      [newEvent(SellerSuspended, sri.sellerId, { ...sri, reason: 'Laporan pembeli diperiksa' }, ctx)],
      SellerSuspended.topic,
    );
    await waitFor(async () => (await statusOf(`/products/${product.id}`)) === 404 || undefined, {
      what: 'the product page to go after SellerSuspended',
    });
    expect(await names()).not.toContain('Keripik Kafka Sri');
    expect(await names('?q=kafka')).toEqual([]);
    expect(await statusOf('/cooperatives/karangbesuki/sellers/mbr_sri_kafka')).toBe(404);

    // The order placed before still completes its stock step; a new one is refused.
    await publish([orderConfirmed(before, lines)]);
    await probe.waitFor('pasar.catalog.stock.committed', before);
    const after = newOrderId();
    await publish([orderPlaced(after, [orderLine(product, 1)])]);
    expect((await probe.waitFor('pasar.catalog.stock.rejected', after)).data).toMatchObject({
      reason: 'PRODUCT_UNAVAILABLE',
      productId: product.id,
    });

    await publish([sellerEvent(SellerReinstated)], SellerReinstated.topic);
    await waitFor(async () => (await statusOf(`/products/${product.id}`)) === 200 || undefined, {
      what: 'the product page to come back after SellerReinstated',
    });
    expect(await names('?q=kafka')).toEqual(['Keripik Kafka Sri']);
    expect((await json(await get(`/products/${product.id}`))).stock).toEqual({ available: 3, reserved: 0 });
  });

  it('documents itself at /openapi.json and reports ready', async () => {
    expect((await fetch(`${service.url}/openapi.json`)).status).toBe(200);
    expect(await json(await fetch(`${service.url}/readyz`))).toMatchObject({
      status: 'ready',
      checks: { mongo: true, kafka: true },
    });
  });
});
