import { type Actor, auditEvent } from '../../use-cases/audit';
import { rateMonthTwice } from '../domain/errors';
import {
  defaultSettings,
  type SavingsSettings,
  type StoredSavingsSettings,
  sortedRates,
} from '../domain/settings';
import { nowOf, type SavingsDeps } from './ports';
import { retryOnConflict } from './retry';

/** The cooperative's savings rules (the defaults until it sets its own). */
export async function getSavingsSettings(
  deps: SavingsDeps,
  cooperativeId: string,
): Promise<StoredSavingsSettings> {
  return (await deps.store.getSettings(cooperativeId)) ?? defaultSettings(cooperativeId);
}

/**
 * The ketua or the bendahara enters the bylaws' figures; audited with the old and new ones. The
 * rates may come in any order (they are kept by month); a month named twice is refused. A new rate
 * list applies to every month it names, past ones too: that is what the bylaws say was due.
 */
export async function putSavingsSettings(
  deps: SavingsDeps,
  actor: Actor,
  cooperativeId: string,
  next: SavingsSettings,
): Promise<StoredSavingsSettings> {
  const wajibRates = sortedRates(next.wajibRates);
  if (!wajibRates) throw rateMonthTwice();
  const wanted: SavingsSettings = { pokokAmount: next.pokokAmount, wajibRates, firstDue: next.firstDue };
  return retryOnConflict(async () => {
    const current = await getSavingsSettings(deps, cooperativeId);
    const at = nowOf(deps);
    const saved: StoredSavingsSettings = { ...current, ...wanted, updatedAt: at, updatedBy: actor.personId };
    const audit = auditEvent({
      cooperativeId,
      actor,
      action: 'membership.savings.settings-changed',
      target: { type: 'savings-settings', id: cooperativeId },
      before: {
        pokokAmount: current.pokokAmount,
        wajibRates: current.wajibRates,
        firstDue: current.firstDue,
        isDefault: current.version === 0,
      },
      after: { ...wanted },
      at,
    });
    const ok = await deps.store.saveSettings(saved, [audit]);
    if (ok) {
      deps.onEventsWritten({ collection: 'settings', id: cooperativeId });
      deps.logger.info({ cooperativeId, by: actor.personId }, 'savings settings changed');
    }
    return { saved: ok, value: { ...saved, version: current.version + 1 } };
  });
}
