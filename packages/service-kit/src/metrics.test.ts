import { createLogger } from '@pasar/events';
import { describe, expect, it } from 'vitest';
import { createServiceApp } from './app';
import { DomainError } from './errors';
import { ServiceMetrics } from './metrics';

const logger = createLogger('test', 'silent');

describe('service metrics', () => {
  it('counts requests per route pattern, not per raw path, and serves /metrics', async () => {
    const metrics = new ServiceMetrics();
    const app = createServiceApp({ name: 'test', logger, metrics });
    app.get('/things/:id', (c) => {
      if (c.req.param('id') === 'gone') throw new DomainError('THING.NOT_FOUND', 'gone', 404);
      return c.json({ id: c.req.param('id') });
    });
    await app.request('/things/a1');
    await app.request('/things/b2');
    await app.request('/things/gone');
    await app.request('/nothing/here');
    const res = await app.request('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('pasar_http_requests_total{method="GET",route="/things/:id",status="200"} 2');
    expect(text).toContain('pasar_http_requests_total{method="GET",route="/things/:id",status="404"} 1');
    expect(text).toContain('pasar_http_requests_total{method="GET",route="(unmatched)",status="404"} 1');
    expect(text).not.toContain('a1');
    expect(text).toContain(
      'pasar_http_request_duration_seconds_bucket{le="0.001",method="GET",route="/things/:id"}',
    );
  });

  it('turns bus observations into counters, gauges and histograms', async () => {
    const m = new ServiceMetrics();
    const o = m.busObserver;
    o.kafkaRequest?.('producer', 'Produce', 2);
    o.kafkaRequest?.('consumer', 'Fetch', 20);
    o.kafkaRequest?.('consumer', 'Fetch', 20);
    o.handled?.('orders.order.v1', 'ok', 3);
    o.consumerLag?.('orders.order.v1', 1, 7);
    o.deadLettered?.('orders.order.v1', 'INVALID_DATA');
    o.relayPublished?.('orders.order.v1', 3);
    o.outboxOldestPending?.('orders', Date.now() - 5_000);
    let text = (await m.render()).body;
    expect(text).toContain('pasar_kafka_requests_total{client="consumer",api="Fetch"} 2');
    expect(text).toContain('pasar_consumer_lag_records{topic="orders.order.v1",partition="1"} 7');
    expect(text).toContain('pasar_dead_letters_total{topic="orders.order.v1",reason="INVALID_DATA"} 1');
    expect(text).toContain('pasar_outbox_published_total{topic="orders.order.v1"} 3');
    expect(text).toContain(
      'pasar_consumer_handler_duration_seconds_count{topic="orders.order.v1",outcome="ok"} 1',
    );
    const age = Number(
      /pasar_outbox_oldest_pending_age_seconds\{collection="orders"\} (\S+)/.exec(text)?.[1],
    );
    expect(age).toBeGreaterThanOrEqual(4.9);
    o.outboxOldestPending?.('orders', undefined);
    text = (await m.render()).body;
    expect(text).toContain('pasar_outbox_oldest_pending_age_seconds{collection="orders"} 0');
  });
});
