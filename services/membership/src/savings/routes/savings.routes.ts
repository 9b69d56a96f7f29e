import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  type AccessRule,
  type AppEnv,
  createRouter,
  defineRoute,
  isBendahara,
  isKetua,
  principalOf,
} from '@pasar/service-kit';
import type { Context } from 'hono';
import { actorIn } from '../../routes/actor';
import { ketuaOrBendaharaOnly } from '../domain/errors';
import { listArrears, listMemberSavings } from '../use-cases/list-arrears';
import { nowOf, type SavingsDeps } from '../use-cases/ports';
import { getMemberSavings, getMySavings } from '../use-cases/read-savings';
import { recordDeposit, recordWithdrawal } from '../use-cases/record-movement';
import { getSavingsSettings, putSavingsSettings } from '../use-cases/savings-settings';
import {
  ArrearsListSchema,
  ArrearsQuery,
  CooperativeParam,
  DepositBody,
  HistoryQuery,
  MemberParams,
  MemberSavingsListSchema,
  MemberSavingsSchema,
  MembersQuery,
  RecordedSchema,
  SettingsBody,
  SettingsSchema,
  WithdrawalBody,
} from './savings.schemas';
import {
  arrearsListView,
  memberSavingsListView,
  memberSavingsView,
  recordedView,
  settingsView,
} from './savings.views';

/** The rules are the cooperative's own: every member and all staff may read them. */
const SETTINGS_READERS = {
  allow: ['anggota', 'penjual', 'pengurus', 'kasir', 'gudang', 'pengawas'],
  scope: 'path',
} as const satisfies AccessRule;
/**
 * The board sets the rules; the handler narrows it to the ketua or the bendahara (a rule names one
 * position only), so a sekretaris gets 403 SAVINGS.KETUA_OR_BENDAHARA_ONLY.
 */
const SETTINGS_WRITERS = { allow: ['pengurus'], scope: 'path' } as const satisfies AccessRule;
/** Money at the counter: the bendahara (a pengurus in that position) or a kasir. */
const COUNTER = {
  allow: ['pengurus', 'kasir'],
  scope: 'path',
  position: 'bendahara',
} as const satisfies AccessRule;
/** Any member's savings and the arrears list: the board, the cashier, the supervisor. */
const STAFF_READERS = {
  allow: ['pengurus', 'kasir', 'pengawas'],
  scope: 'path',
} as const satisfies AccessRule;
/** One's own savings: a member of that cooperative (the record is found from the token). */
const OWN = { allow: ['anggota'], scope: 'path' } as const satisfies AccessRule;

const json = <S>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <S>(schema: S) => ({ content: { 'application/json': { schema } }, required: true });

const getSettingsRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/savings-settings',
  summary: "The cooperative's savings rules from its bylaws: simpanan pokok, wajib rates, first due month",
  access: SETTINGS_READERS,
  request: { params: CooperativeParam },
  responses: { 200: json(SettingsSchema, 'The rules in force') },
});

const putSettingsRoute = defineRoute({
  method: 'put',
  path: '/cooperatives/{cooperativeId}/savings-settings',
  summary: 'Set the savings rules (a pengurus in the ketua or bendahara position; audited)',
  access: SETTINGS_WRITERS,
  request: { params: CooperativeParam, body: body(SettingsBody) },
  responses: { 200: json(SettingsSchema, 'The rules now in force') },
});

const depositRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/members/{memberId}/savings/deposits',
  summary:
    'Record a deposit of simpanan pokok, wajib or sukarela (bendahara or kasir; audited; publishes SavingsDeposited)',
  access: COUNTER,
  request: { params: MemberParams, body: body(DepositBody) },
  responses: {
    200: json(RecordedSchema, 'The same receipt and content again: the deposit already recorded'),
    201: json(RecordedSchema, 'Recorded'),
  },
});

const withdrawalRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/members/{memberId}/savings/withdrawals',
  summary:
    'Record a withdrawal of simpanan sukarela, never below zero (bendahara or kasir; audited; publishes SavingsWithdrawn)',
  access: COUNTER,
  request: { params: MemberParams, body: body(WithdrawalBody) },
  responses: {
    200: json(RecordedSchema, 'The same receipt and content again: the withdrawal already recorded'),
    201: json(RecordedSchema, 'Recorded'),
  },
});

const memberSavingsRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/members/{memberId}/savings',
  summary: "A member's savings: balances per kind, history (newest first) and wajib arrears as of now",
  access: STAFF_READERS,
  request: { params: MemberParams, query: HistoryQuery },
  responses: { 200: json(MemberSavingsSchema, 'The savings') },
});

const arrearsRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/savings/arrears',
  summary: 'Members in arrears (simpanan wajib owed, pokok unpaid), most owed first, with totals',
  access: STAFF_READERS,
  request: { params: CooperativeParam, query: ArrearsQuery },
  responses: { 200: json(ArrearsListSchema, 'The members in arrears') },
});

const membersRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/savings/members',
  summary:
    "Members' balances and arrears by name, optionally filtered by name or member id (finding a member at the counter)",
  access: STAFF_READERS,
  request: { params: CooperativeParam, query: MembersQuery },
  responses: { 200: json(MemberSavingsListSchema, 'The members, by name') },
});

const mySavingsRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/my-savings',
  summary: "The signed-in member's own savings in this cooperative: balances, history, arrears",
  access: OWN,
  request: { params: CooperativeParam, query: HistoryQuery },
  responses: { 200: json(MemberSavingsSchema, 'My savings') },
});

/** The principal the route's guard let through. */
const who = (c: Context) => {
  const p = principalOf(c);
  if (!p) throw new Error('savings route without a principal');
  return p;
};

/** The members' savings (simpanan pokok, wajib, sukarela): issue 11. */
export function savingsRoutes(deps: SavingsDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.openapi(getSettingsRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    return c.json(settingsView(await getSavingsSettings(deps, cooperativeId), nowOf(deps)), 200);
  });
  app.openapi(putSettingsRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    const p = who(c);
    if (!isKetua(p, cooperativeId) && !isBendahara(p, cooperativeId)) throw ketuaOrBendaharaOnly();
    const saved = await putSavingsSettings(
      deps,
      actorIn(c, cooperativeId),
      cooperativeId,
      c.req.valid('json'),
    );
    return c.json(settingsView(saved, nowOf(deps)), 200);
  });
  app.openapi(depositRoute, async (c) => {
    const { cooperativeId, memberId } = c.req.valid('param');
    const { receivedAt, ...rest } = c.req.valid('json');
    const out = await recordDeposit(deps, actorIn(c, cooperativeId), cooperativeId, memberId, {
      ...rest,
      ...(receivedAt ? { receivedAt: new Date(receivedAt) } : {}),
    });
    return c.json(recordedView(out), out.replayed ? 200 : 201);
  });
  app.openapi(withdrawalRoute, async (c) => {
    const { cooperativeId, memberId } = c.req.valid('param');
    const { receivedAt, ...rest } = c.req.valid('json');
    const out = await recordWithdrawal(deps, actorIn(c, cooperativeId), cooperativeId, memberId, {
      ...rest,
      ...(receivedAt ? { receivedAt: new Date(receivedAt) } : {}),
    });
    return c.json(recordedView(out), out.replayed ? 200 : 201);
  });
  app.openapi(memberSavingsRoute, async (c) => {
    const { cooperativeId, memberId } = c.req.valid('param');
    const savings = await getMemberSavings(deps, cooperativeId, memberId, c.req.valid('query'));
    return c.json(memberSavingsView(savings), 200);
  });
  app.openapi(arrearsRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    const page = c.req.valid('query');
    return c.json(arrearsListView(cooperativeId, await listArrears(deps, cooperativeId, page), page), 200);
  });
  app.openapi(membersRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    const query = c.req.valid('query');
    const list = await listMemberSavings(deps, cooperativeId, query);
    return c.json(memberSavingsListView(cooperativeId, list, query), 200);
  });
  app.openapi(mySavingsRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    const savings = await getMySavings(deps, cooperativeId, who(c).personId, c.req.valid('query'));
    return c.json(memberSavingsView(savings), 200);
  });
  return app;
}
