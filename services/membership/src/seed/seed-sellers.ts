import { DEMO_SELLERS } from '@pasar/demo-data';
import { OPERATOR } from '../use-cases/audit';
import { completeApproval } from '../use-cases/complete-approval';
import { now, type SellersDeps } from '../use-cases/ports';
import { registerSeller } from '../use-cases/register-seller';

export interface SellersReport {
  registered: number;
  existing: number;
}

/**
 * The demo sellers (DEMO_SELLERS), registered as approved by `operator`: each seller document holds
 * its SellerApproved (the running service's relay publishes it, so catalog and payments learn of the
 * demo sellers), then the approval's follow-up runs (the demo accounts already hold penjual). An
 * existing seller is left as it is (its status may have been changed on purpose).
 */
export async function seedSellers(deps: SellersDeps): Promise<SellersReport> {
  const report: SellersReport = { registered: 0, existing: 0 };
  for (const demo of DEMO_SELLERS) {
    const current = await deps.sellers.findById(demo.sellerId);
    if (current) {
      if (current.followUp === 'pending') await completeApproval(deps, current);
      report.existing++;
      continue;
    }
    const seller = await registerSeller(deps, OPERATOR, { ...demo, applicationId: null }, now(deps));
    await completeApproval(deps, seller);
    report.registered++;
  }
  return report;
}
