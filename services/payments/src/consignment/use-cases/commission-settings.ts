import { auditEvent, type Principal } from '@pasar/service-kit';
import { type CommissionSettings, DEFAULT_SETTINGS } from '../domain/commission';
import { type ConsignmentDeps, nowOf, type StoredSettings } from './ports';
import { retryOnConflict } from './versioned';

/** The cooperative's rates (the defaults until it sets its own). */
export async function getCommissionSettings(
  deps: ConsignmentDeps,
  cooperativeId: string,
): Promise<StoredSettings> {
  return (
    (await deps.store.getSettings(cooperativeId)) ?? {
      cooperativeId,
      ...structuredClone(DEFAULT_SETTINGS),
      version: 0,
      updatedAt: null,
      updatedBy: null,
    }
  );
}

/**
 * The bendahara sets the rates; audited with the old and new rates. Sales recognised from now on
 * use them; sales already recognised keep the commission fixed then (never retroactive).
 */
export async function putCommissionSettings(
  deps: ConsignmentDeps,
  by: Principal,
  cooperativeId: string,
  next: CommissionSettings,
): Promise<StoredSettings> {
  return retryOnConflict(async () => {
    const current = await getCommissionSettings(deps, cooperativeId);
    const at = nowOf(deps);
    const saved: StoredSettings = { ...current, ...next, updatedAt: at, updatedBy: by.personId };
    const audit = auditEvent({
      cooperativeId,
      principal: by,
      action: 'payments.consignment.settings-changed',
      target: { type: 'consignment-settings', id: cooperativeId },
      before: { commissionBps: current.commissionBps, categoryBps: current.categoryBps },
      after: { commissionBps: next.commissionBps, categoryBps: next.categoryBps },
      at,
    });
    const ok = await deps.store.saveSettings(saved, [audit]);
    if (ok) deps.onEventsWritten({ collection: 'settings', id: cooperativeId });
    return { saved: ok, value: { ...saved, version: current.version + 1 } };
  });
}
