import { describe, expect, it } from 'vitest';
import { OrderPlaced, ProductPublished } from './events';
import { SAMPLE_DATA, sampleEnvelope } from './fixtures';
import { newEvent } from './new-event';
import { EVENT_REGISTRY } from './registry';
import { ALL_TOPICS, dlqTopic } from './topics';

describe('event registry', () => {
  it('has a sample for every event type, and every sample parses', () => {
    expect([...EVENT_REGISTRY.keys()].sort()).toEqual(Object.keys(SAMPLE_DATA).sort());
    for (const [type, def] of EVENT_REGISTRY) {
      const parsed = def.envelope.safeParse(sampleEnvelope(type));
      expect(parsed.success, `${type}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('puts every event on a registered topic', () => {
    for (const def of EVENT_REGISTRY.values()) expect(ALL_TOPICS).toContain(def.topic);
  });
});

describe('envelope validation', () => {
  it('rejects fractional rupiah', () => {
    const data = { ...(SAMPLE_DATA['pasar.orders.order.placed'] as object), total: 30_000.5 };
    const result = OrderPlaced.envelope.safeParse(sampleEnvelope(OrderPlaced.type, data));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['data', 'total']);
  });

  it('rejects an envelope whose type does not match the definition', () => {
    const env = sampleEnvelope(OrderPlaced.type, SAMPLE_DATA['pasar.catalog.product.published']);
    expect(ProductPublished.envelope.safeParse(env).success).toBe(false);
  });

  it('rejects a missing cooperativeid', () => {
    const { cooperativeid: _omit, ...env } = sampleEnvelope(ProductPublished.type);
    expect(ProductPublished.envelope.safeParse(env).success).toBe(false);
  });
});

describe('newEvent', () => {
  it('builds a valid envelope and starts a correlation at its own id', () => {
    const evt = newEvent(ProductPublished, 'p1', SAMPLE_DATA[ProductPublished.type] as never, {
      source: 'urn:pasar:catalog',
      cooperativeId: 'karangbesuki',
    });
    expect(evt.correlationid).toBe(evt.id);
    expect(evt.specversion).toBe('1.0');
    expect(evt.subject).toBe('p1');
  });

  it('refuses to build an event that would not parse', () => {
    expect(() =>
      newEvent(
        ProductPublished,
        'p1',
        { ...(SAMPLE_DATA[ProductPublished.type] as object), price: -1 } as never,
        {
          source: 'urn:pasar:catalog',
          cooperativeId: 'karangbesuki',
        },
      ),
    ).toThrow();
  });
});

it('names dead-letter topics after topic and group', () => {
  expect(dlqTopic('orders.order.v1', 'catalog')).toBe('orders.order.v1.dlq.catalog');
});
