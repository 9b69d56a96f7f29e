import type { EventDefinition } from './define-event';
import * as events from './events';

function isDefinition(v: unknown): v is EventDefinition {
  return typeof v === 'object' && v !== null && 'envelope' in v && 'topic' in v && 'type' in v;
}

/** Every event definition by its type name: consumers look records up here. */
export const EVENT_REGISTRY: ReadonlyMap<string, EventDefinition> = new Map(
  (Object.values(events) as unknown[]).filter(isDefinition).map((d) => [d.type, d]),
);
