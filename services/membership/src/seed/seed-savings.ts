import { DEMO_SAVINGS_MOVEMENTS, DEMO_SAVINGS_SETTINGS, demoAccount } from '@pasar/demo-data';
import { DomainError } from '@pasar/service-kit';
import type { SavingsDeps } from '../savings';
import type { Actor } from '../use-cases/audit';
import { recordDeposit, recordWithdrawal } from '../savings/use-cases/record-movement';
import { getSavingsSettings, putSavingsSettings } from '../savings/use-cases/savings-settings';

export interface SavingsReport {
  settings: { set: number; kept: number };
  movements: { recorded: number; existing: number; refused: number };
}

/** The demo bendahara of a cooperative, as the one who recorded its demo savings. */
const bendaharaOf = (cooperativeId: string): Actor => ({
  personId: demoAccount('bendahara', cooperativeId).personId,
  roles: ['anggota', 'pengurus'],
});

/**
 * The demo savings (DEMO_SAVINGS_*) through the use cases, so each movement's SavingsDeposited /
 * SavingsWithdrawn and audit entry wait in the account's outbox for the running service's relay
 * (and the ledger books them). Idempotent: settings a cooperative already has are kept (they may
 * have been changed on purpose); a movement whose receipt number is recorded answers as a retry.
 * A movement the rules refuse now (a pokok someone recorded by hand) is counted, not fatal.
 */
export async function seedSavings(deps: SavingsDeps): Promise<SavingsReport> {
  const report: SavingsReport = {
    settings: { set: 0, kept: 0 },
    movements: { recorded: 0, existing: 0, refused: 0 },
  };
  for (const { cooperativeId, ...bylaws } of DEMO_SAVINGS_SETTINGS) {
    if ((await getSavingsSettings(deps, cooperativeId)).version > 0) {
      report.settings.kept++;
      continue;
    }
    await putSavingsSettings(deps, bendaharaOf(cooperativeId), cooperativeId, bylaws);
    report.settings.set++;
  }
  for (const mv of DEMO_SAVINGS_MOVEMENTS) {
    const req = { amount: mv.amount, method: mv.method, receiptNumber: mv.receiptNumber };
    const by = bendaharaOf(mv.cooperativeId);
    try {
      const out =
        mv.type === 'withdrawal'
          ? await recordWithdrawal(deps, by, mv.cooperativeId, mv.memberId, req)
          : await recordDeposit(deps, by, mv.cooperativeId, mv.memberId, { ...req, kind: mv.kind });
      if (out.replayed) report.movements.existing++;
      else report.movements.recorded++;
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      deps.logger.warn({ code: err.code, receiptNumber: mv.receiptNumber }, 'demo savings movement refused');
      report.movements.refused++;
    }
  }
  return report;
}
