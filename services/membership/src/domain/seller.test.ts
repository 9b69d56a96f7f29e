import { DomainError } from '@pasar/service-kit';
import { SellerSnapshotSchema } from '@pasar/contracts';
import { describe, expect, it } from 'vitest';
import { aSeller, T0 } from '../testing/sellers';
import {
  reinstateSeller,
  SELLER_STATUSES,
  type Seller,
  type SellerStatus,
  sellerSnapshot,
  suspendSeller,
  toSellerView,
} from './seller';

const at = new Date(T0.getTime() + 86_400_000);
const commands: Record<string, (s: Seller) => Seller> = {
  suspend: (s) => suspendSeller(s, 'per_ketua', at, 'Menjual barang kedaluwarsa'),
  reinstate: (s) => reinstateSeller(s),
};
const table: Record<string, Record<SellerStatus, SellerStatus | string>> = {
  suspend: { active: 'suspended', suspended: 'SELLER.ALREADY_SUSPENDED' },
  reinstate: { active: 'SELLER.NOT_SUSPENDED', suspended: 'active' },
};
const suspendedSeller = () => commands.suspend!(aSeller());

describe('seller transitions', () => {
  for (const [command, row] of Object.entries(table))
    for (const status of SELLER_STATUSES)
      it(`${command} on ${status} → ${row[status]}`, () => {
        const s = status === 'active' ? aSeller() : suspendedSeller();
        const expected = row[status];
        if ((SELLER_STATUSES as readonly string[]).includes(expected)) {
          const next = commands[command]!(s);
          expect(next.status).toBe(expected);
          expect(next.version).toBe(s.version + 1);
        } else {
          let error: unknown;
          try {
            commands[command]!(s);
          } catch (err) {
            error = err;
          }
          expect(error).toBeInstanceOf(DomainError);
          expect(error).toMatchObject({ code: expected, status: 409 });
        }
      });

  it('records who suspended, when and why, and forgets it on reinstatement', () => {
    const suspended = suspendedSeller();
    expect(suspended.suspension).toEqual({ reason: 'Menjual barang kedaluwarsa', by: 'per_ketua', at });
    expect(toSellerView(suspended)).toMatchObject({
      status: 'suspended',
      suspendedAt: at.toISOString(),
      suspensionReason: 'Menjual barang kedaluwarsa',
      since: T0.toISOString(),
    });
    expect(reinstateSeller(suspended).suspension).toBeNull();
  });

  it('shares only the public shop facts in events', () => {
    const snapshot = sellerSnapshot(aSeller());
    expect(SellerSnapshotSchema.strict().parse(snapshot)).toEqual(snapshot);
    expect(Object.keys(snapshot).sort()).toEqual([
      'cooperativeId',
      'description',
      'handoff',
      'personId',
      'sellerId',
      'shopName',
    ]);
  });
});
