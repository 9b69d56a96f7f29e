import type { JournalLine } from './journal';

/**
 * What the books hear, in the ledger's own words: each Kafka event that moves money is mapped to
 * one of these (src/events), so the posting rules do not depend on other services' schemas.
 * `eventId` is the source event's id: one journal entry per event, however often it arrives.
 */
interface Base {
  eventId: string;
  cooperativeId: string;
  occurredAt: string;
}

export type MoneyMethod = 'cash' | 'transfer';

export type BusinessEvent = Base &
  (
    | { type: 'online_payment_captured'; orderId: string; amount: number }
    | {
        /**
         * Goods handed over: the sale is made (SAK EP: revenue when control passes). Cash was
         * taken now; an online order was paid before (its prepayment becomes the sale).
         */
        type: 'order_handed_over';
        orderId: string;
        paymentMethod: 'cash' | 'online';
        /** Lines of the cooperative's own stock. */
        ownGoods: number;
        /** Lines sold on behalf of member sellers (titip jual), gross. */
        consignmentGross: number;
        /** The cooperative's commission out of consignmentGross. */
        commission: number;
        deliveryFee: number;
      }
    | {
        /**
         * Money of an order went back to the shopper. `captured`: the books had it as a prepayment
         * (a paid order cancelled before handover). Not captured: it arrived after the order had
         * expired or been cancelled, was never the cooperative's, and went straight back.
         */
        type: 'refund';
        orderId: string;
        amount: number;
        via: 'provider' | 'manual';
        captured: boolean;
      }
    | {
        /**
         * A handed-over order held a consignment seller's lines (payments' consignment module
         * recorded the sale and its commission): the handover booked them as sales; they move to
         * what is owed to the seller, and the cooperative keeps only its commission.
         */
        type: 'consignment_split';
        orderId: string;
        sellerId: string;
        gross: number;
        commission: number;
      }
    | { type: 'seller_payout'; sellerId: string; amount: number; method: MoneyMethod }
    | {
        type: 'savings_deposit';
        memberId: string;
        kind: 'pokok' | 'wajib' | 'sukarela';
        amount: number;
        method: MoneyMethod;
      }
    | { type: 'savings_withdrawal'; memberId: string; amount: number; method: MoneyMethod }
    | {
        /**
         * The RAT approved the year's SHU: the reserve's share goes to cadangan, every other pool
         * (JM, JU and the funds) to dana SHU yang belum dibagi until it is paid out or spent.
         */
        type: 'shu_allocated';
        year: number;
        cadangan: number;
        undistributed: number;
      }
    | {
        /** The members' JM + JU of a year, credited to their sukarela or paid out. */
        type: 'shu_distributed';
        year: number;
        amount: number;
        to: 'sukarela' | MoneyMethod;
      }
    | { type: 'manual'; memo: string; lines: JournalLine[] }
  );

export type BusinessEventType = BusinessEvent['type'];
