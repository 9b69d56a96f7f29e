import type { BusinessEvent } from '../domain/business-event';

let n = 0;
const base = (occurredAt: string) => ({ eventId: `evt_${++n}`, cooperativeId: 'karangbesuki', occurredAt });

/** Business events as the consumers map them, for route and use-case tests. */
export const ev = {
  cashSale: (occurredAt: string, ownGoods: number, deliveryFee = 0): BusinessEvent => ({
    ...base(occurredAt),
    type: 'order_handed_over',
    orderId: 'ord_cash',
    paymentMethod: 'cash',
    ownGoods,
    consignmentGross: 0,
    commission: 0,
    deliveryFee,
  }),
  onlineCapture: (occurredAt: string, amount: number): BusinessEvent => ({
    ...base(occurredAt),
    type: 'online_payment_captured',
    orderId: 'ord_online',
    amount,
  }),
  onlineHandover: (occurredAt: string, ownGoods: number, deliveryFee = 0): BusinessEvent => ({
    ...base(occurredAt),
    type: 'order_handed_over',
    orderId: 'ord_online',
    paymentMethod: 'online',
    ownGoods,
    consignmentGross: 0,
    commission: 0,
    deliveryFee,
  }),
  deposit: (occurredAt: string, kind: 'pokok' | 'wajib' | 'sukarela', amount: number): BusinessEvent => ({
    ...base(occurredAt),
    type: 'savings_deposit',
    memberId: 'mbr_sri',
    kind,
    amount,
    method: 'cash',
  }),
};
