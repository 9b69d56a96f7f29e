import type { z } from '@hono/zod-openapi';
import type { Balances, Movement } from '../domain/account';
import { type StoredSavingsSettings, wajibRateAt } from '../domain/settings';
import type { ArrearsList, SavingsRow } from '../use-cases/list-arrears';
import type { MemberSavings } from '../use-cases/read-savings';
import type { Recorded } from '../use-cases/record-movement';
import type {
  ArrearsListSchema,
  MemberSavingsListSchema,
  MemberSavingsSchema,
  MovementSchema,
  RecordedSchema,
  SettingsSchema,
} from './savings.schemas';

export function settingsView(s: StoredSavingsSettings, now: Date): z.infer<typeof SettingsSchema> {
  return {
    cooperativeId: s.cooperativeId,
    pokokAmount: s.pokokAmount,
    wajibRates: s.wajibRates,
    firstDue: s.firstDue,
    wajibNow: wajibRateAt(s, now),
    isDefault: s.version === 0,
    updatedAt: s.updatedAt?.toISOString() ?? null,
    updatedBy: s.updatedBy,
  };
}

const balancesView = (b: Balances) => ({ ...b, total: b.pokok + b.wajib + b.sukarela });

export function movementView(m: Movement): z.infer<typeof MovementSchema> {
  return {
    movementId: m.movementId,
    seq: m.seq,
    type: m.type,
    kind: m.kind,
    amount: m.amount,
    method: m.method,
    receiptNumber: m.receiptNumber,
    source: m.source,
    receivedAt: m.receivedAt.toISOString(),
    recordedAt: m.recordedAt.toISOString(),
    recordedBy: m.recordedBy,
    covers: m.covers,
    shu: m.shu,
    balanceAfter: m.balanceAfter,
  };
}

export function memberSavingsView(s: MemberSavings): z.infer<typeof MemberSavingsSchema> {
  const { asOf, ...arrears } = s.arrears;
  return {
    cooperativeId: s.member.cooperativeId,
    memberId: s.member.memberId,
    displayName: s.member.displayName,
    joinedAt: s.member.createdAt.toISOString(),
    balances: balancesView(s.balances),
    pokok: s.pokok,
    arrears: { ...arrears, asOf: asOf.toISOString() },
    history: { items: s.history.items.map(movementView), nextBefore: s.history.nextBefore },
  };
}

export function recordedView(r: Recorded): z.infer<typeof RecordedSchema> {
  return { movement: movementView(r.movement), balances: balancesView(r.balances), replayed: r.replayed };
}

const rowView = (r: SavingsRow) => ({
  ...r,
  joinedAt: r.joinedAt.toISOString(),
  balances: balancesView(r.balances),
});

function pageView(
  cooperativeId: string,
  list: { asOf: Date; items: SavingsRow[]; total: number },
  page: { limit: number; offset: number },
) {
  const next = page.offset + page.limit;
  return {
    cooperativeId,
    asOf: list.asOf.toISOString(),
    items: list.items.map(rowView),
    total: list.total,
    offset: page.offset,
    limit: page.limit,
    nextOffset: next < list.total ? next : null,
  };
}

export function arrearsListView(
  cooperativeId: string,
  list: ArrearsList,
  page: { limit: number; offset: number },
): z.infer<typeof ArrearsListSchema> {
  return { ...pageView(cooperativeId, list, page), totals: list.totals };
}

export function memberSavingsListView(
  cooperativeId: string,
  list: { asOf: Date; items: SavingsRow[]; total: number },
  page: { limit: number; offset: number },
): z.infer<typeof MemberSavingsListSchema> {
  return pageView(cooperativeId, list, page);
}
