import { ShuDistributed } from '@pasar/contracts';
import { on, type Subscription } from '@pasar/events';
import { applyShuDistributed } from '../use-cases/apply-shu';
import type { SavingsDeps } from '../use-cases/ports';

/**
 * What the savings part listens to (its own consumer group `<prefix>membership-savings`): the
 * ledger's SHU distribution (ledger.shu.v1). A record that does not parse goes to the dead-letter
 * topic `ledger.shu.v1.dlq.<prefix>membership-savings`, like every membership consumer's.
 */
export function savingsSubscriptions(deps: SavingsDeps): Subscription[] {
  return [
    on(ShuDistributed, async (event) => {
      await applyShuDistributed(deps, event);
    }),
  ];
}
