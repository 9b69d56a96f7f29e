import { DomainError } from '@pasar/service-kit';
import { describe, expect, it } from 'vitest';
import { anApplication, T0 } from '../testing/sellers';
import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  approveApplication,
  declineApplication,
  type SellerApplication,
  toApplicationView,
} from './seller-application';

const at = new Date(T0.getTime() + 3_600_000);
const commands: Record<string, (a: SellerApplication) => SellerApplication> = {
  approve: (a) => approveApplication(a, 'per_ketua', at),
  decline: (a) => declineApplication(a, 'per_ketua', at, 'Produk belum punya izin PIRT'),
};
/** Every command × every status: what it leads to, or the refusal's code. */
const table: Record<string, Record<ApplicationStatus, ApplicationStatus | string>> = {
  approve: {
    pending: 'approved',
    approved: 'SELLER_APPLICATION.ALREADY_DECIDED',
    declined: 'SELLER_APPLICATION.ALREADY_DECIDED',
  },
  decline: {
    pending: 'declined',
    approved: 'SELLER_APPLICATION.ALREADY_DECIDED',
    declined: 'SELLER_APPLICATION.ALREADY_DECIDED',
  },
};

describe('seller application transitions', () => {
  for (const [command, row] of Object.entries(table))
    for (const status of APPLICATION_STATUSES)
      it(`${command} on ${status} → ${row[status]}`, () => {
        const a = anApplication({ status });
        const expected = row[status];
        if ((APPLICATION_STATUSES as readonly string[]).includes(expected)) {
          const next = commands[command]!(a);
          expect(next.status).toBe(expected);
          expect(next.version).toBe(a.version + 1);
          expect(next.decision).toMatchObject({ by: 'per_ketua', at });
        } else {
          let error: unknown;
          try {
            commands[command]!(a);
          } catch (err) {
            error = err;
          }
          expect(error).toBeInstanceOf(DomainError);
          expect(error).toMatchObject({ code: expected, status: 409 });
        }
      });

  it('keeps the decline reason for the applicant, and none on approval', () => {
    const declined = toApplicationView(commands.decline!(anApplication()));
    expect(declined).toMatchObject({ status: 'declined', declineReason: 'Produk belum punya izin PIRT' });
    expect(declined.decidedAt).toBe(at.toISOString());
    const approved = toApplicationView(commands.approve!(anApplication()));
    expect(approved).toMatchObject({ status: 'approved', declineReason: null, decidedAt: at.toISOString() });
    expect(toApplicationView(anApplication())).toMatchObject({ decidedAt: null, declineReason: null });
  });
});
