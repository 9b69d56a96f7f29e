import { A } from './accounts';
import type { BusinessEvent, MoneyMethod } from './business-event';
import { balancedLines, cr, dr, type JournalLine } from './journal';

const cashOrBank = (m: MoneyMethod) => (m === 'cash' ? A.kas : A.bank);

/**
 * The posting rule of every business event: the lines of its one journal entry (balanced, or it
 * throws). Decision 0017 explains each rule.
 */
export function postingFor(ev: BusinessEvent): {
  kind: BusinessEvent['type'];
  memo: string;
  lines: JournalLine[];
} {
  return { kind: ev.type, memo: memoOf(ev), lines: balancedLines(linesOf(ev)) };
}

function linesOf(ev: BusinessEvent): JournalLine[] {
  switch (ev.type) {
    case 'online_payment_captured':
      // The provider holds the shopper's money; we owe the goods until handover.
      return [dr(A.danaPenyedia, ev.amount), cr(A.uangMuka, ev.amount)];
    case 'order_handed_over': {
      const total = ev.ownGoods + ev.consignmentGross + ev.deliveryFee;
      return [
        dr(ev.paymentMethod === 'cash' ? A.kas : A.uangMuka, total),
        cr(A.penjualan, ev.ownGoods),
        cr(A.utangKonsinyasi, ev.consignmentGross - ev.commission),
        cr(A.komisi, ev.commission),
        cr(A.ongkir, ev.deliveryFee),
      ];
    }
    case 'refund': {
      // Only paid, not handed-over orders are refunded: the prepayment goes back where it came from
      // (the provider's refund API, or a transfer from the cooperative's bank by hand).
      const from = ev.via === 'provider' ? A.danaPenyedia : A.bank;
      if (ev.captured) return [dr(A.uangMuka, ev.amount), cr(from, ev.amount)];
      // A late payment: it reached the provider (never a prepayment: the order was over) and went
      // back. Through the provider the two lines net to nothing; by hand the bank paid it and the
      // provider still holds it until it settles.
      return [dr(A.danaPenyedia, ev.amount), cr(from, ev.amount)];
    }
    case 'consignment_split':
      return [
        dr(A.penjualan, ev.gross),
        cr(A.utangKonsinyasi, ev.gross - ev.commission),
        cr(A.komisi, ev.commission),
      ];
    case 'seller_payout':
      return [dr(A.utangKonsinyasi, ev.amount), cr(cashOrBank(ev.method), ev.amount)];
    case 'savings_deposit': {
      const to =
        ev.kind === 'pokok' ? A.simpananPokok : ev.kind === 'wajib' ? A.simpananWajib : A.simpananSukarela;
      return [dr(cashOrBank(ev.method), ev.amount), cr(to, ev.amount)];
    }
    case 'savings_withdrawal':
      return [dr(A.simpananSukarela, ev.amount), cr(cashOrBank(ev.method), ev.amount)];
    case 'shu_allocated':
      return [
        dr(A.shuBerjalan, ev.cadangan + ev.undistributed),
        cr(A.cadangan, ev.cadangan),
        cr(A.danaShu, ev.undistributed),
      ];
    case 'shu_distributed':
      return [
        dr(A.danaShu, ev.amount),
        cr(ev.to === 'sukarela' ? A.simpananSukarela : cashOrBank(ev.to), ev.amount),
      ];
    case 'manual':
      return ev.lines;
  }
}

function memoOf(ev: BusinessEvent): string {
  switch (ev.type) {
    case 'online_payment_captured':
      return `Pembayaran online pesanan ${ev.orderId}`;
    case 'order_handed_over':
      return `Penjualan pesanan ${ev.orderId} (${ev.paymentMethod === 'cash' ? 'tunai' : 'online'})`;
    case 'refund':
      return `Pengembalian dana pesanan ${ev.orderId}${ev.captured ? '' : ' (pembayaran terlambat)'}`;
    case 'consignment_split':
      return `Titip jual ${ev.sellerId} dalam pesanan ${ev.orderId}: utang kepada penjual dan komisi`;
    case 'seller_payout':
      return `Pembayaran titip jual kepada ${ev.sellerId}`;
    case 'savings_deposit':
      return `Setoran simpanan ${ev.kind} ${ev.memberId}`;
    case 'savings_withdrawal':
      return `Penarikan simpanan sukarela ${ev.memberId}`;
    case 'shu_allocated':
      return `Pembagian SHU tahun ${ev.year} menurut AD/ART`;
    case 'shu_distributed':
      return `SHU tahun ${ev.year} untuk anggota (jasa modal dan jasa usaha) ${
        ev.to === 'sukarela' ? 'ke simpanan sukarela' : ev.to === 'cash' ? 'dibayar tunai' : 'ditransfer'
      }`;
    case 'manual':
      return ev.memo;
  }
}
