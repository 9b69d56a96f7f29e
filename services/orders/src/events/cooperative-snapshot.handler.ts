import type { CooperativeRegistered, CooperativeUpdated, EventOf } from '@pasar/contracts';
import type { OrdersDeps } from '../use-cases/ports';
import { recordCooperative } from '../use-cases/record-cooperative';

type CooperativeEvent = EventOf<typeof CooperativeRegistered> | EventOf<typeof CooperativeUpdated>;

export const cooperativeSnapshotHandler = (deps: OrdersDeps) => (evt: CooperativeEvent) =>
  recordCooperative(deps, evt.data, new Date(evt.time));
