import { randomUUID } from 'node:crypto';
import { CATEGORIES } from '@pasar/contracts';
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node';
import { type FieldErrors, parseForm } from '~/schemas/form';
import { CommissionSchema, PayoutSchema, PercentAsBps } from '~/schemas/seller.schema';
import {
  allBalances,
  getConsignmentSettings,
  putConsignmentSettings,
  recordPayout,
  statement,
} from '~/utils/consignment.server';
import { formatRupiah } from '~/utils/money';
import { isBendaharaGrant } from '~/utils/staff';
import { monthOf } from '~/utils/statement-file.server';
import { staffFailure, staffNotice, staffStep } from '~/utils/staff-action.server';
import { requireStaff, staffCall } from '~/utils/staff.server';

const SELLER_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Konsinyasi (pengurus, pengawas): every seller's balance, one seller's statement of a month
 * (`?seller=&month=`), and for the bendahara the payout form and the commission rates.
 */
export async function loadConsignment({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'konsinyasi');
  const url = new URL(request.url);
  const token = ctx.auth.tokens.payments;
  const seller = url.searchParams.get('seller') ?? '';
  const chosen = SELLER_ID.test(seller) ? seller : null;
  const { month, error } = monthOf(url);
  const [balances, settings, lines] = await Promise.all([
    staffCall(request, ctx, () => allBalances(token, ctx.cooperativeId)),
    staffCall(request, ctx, () => getConsignmentSettings(token, ctx.cooperativeId)),
    chosen && !error
      ? staffCall(request, ctx, () => statement(token, ctx.cooperativeId, chosen, month))
      : Promise.resolve(null),
  ]);
  const { notice, headers } = await staffNotice(request);
  return data(
    {
      balances,
      settings,
      categories: CATEGORIES,
      seller: chosen,
      month,
      monthError: error ?? null,
      statement: lines,
      isBendahara: isBendaharaGrant(ctx.grant),
      /** One key per rendered payout form: a double submit is one payout (payments replays it). */
      payoutKey: randomUUID(),
      notice,
    },
    { status: error ? 400 : 200, headers: { 'Cache-Control': 'private, no-store', ...headers } },
  );
}

/** The category rates of the commission form: `bps-<category>` in percent, empty for the default. */
function categoryRates(form: FormData): { rates: Record<string, number>; errors: FieldErrors } {
  const rates: Record<string, number> = {};
  const errors: FieldErrors = {};
  for (const category of CATEGORIES) {
    const raw = String(form.get(`bps-${category}`) ?? '').trim();
    if (raw === '') continue;
    const parsed = PercentAsBps.safeParse(raw);
    if (parsed.success) rates[category] = parsed.data;
    else errors[`bps-${category}`] = 'errors.percent';
  }
  return { rates, errors };
}

/** The bendahara's payout (never above what is available) and commission rates. */
export async function consignmentAction({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'konsinyasi');
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '').slice(0, 20);
  const target = String(form.get('sellerId') ?? 'commission').slice(0, 64);
  const values = Object.fromEntries(
    ['amount', 'method', 'note', 'receiptNumber', 'commission', ...CATEGORIES.map((c) => `bps-${c}`)].map(
      (f) => [f, String(form.get(f) ?? '').slice(0, 300)],
    ),
  );
  const step = { intent, target, values };
  if (!isBendaharaGrant(ctx.grant))
    return staffFailure(step, { status: 403, errors: { form: 'staff.consignment.bendaharaOnly' } });
  const token = ctx.auth.tokens.payments;
  if (intent === 'commission') {
    const parsed = parseForm(CommissionSchema, form);
    const { rates, errors } = categoryRates(form);
    if (!parsed.ok || Object.keys(errors).length > 0)
      return staffFailure(step, { status: 400, errors: { ...(parsed.ok ? {} : parsed.errors), ...errors } });
    return staffStep(
      request,
      ctx,
      step,
      () =>
        putConsignmentSettings(token, ctx.cooperativeId, {
          commissionBps: parsed.data.commission,
          categoryBps: rates,
        }),
      { key: 'staff.consignment.ratesSaved' },
    );
  }
  const parsed = parseForm(PayoutSchema, form);
  if (!parsed.ok) return staffFailure(step, { status: 400, errors: parsed.errors });
  const { sellerId, intent: _, ...payout } = parsed.data;
  const key = String(form.get('idempotencyKey') ?? '');
  const idempotencyKey = /^[0-9a-f-]{36}$/.test(key) ? key : randomUUID();
  const shop = String(form.get('shopName') ?? sellerId).slice(0, 80);
  return staffStep(
    request,
    ctx,
    step,
    () => recordPayout(token, ctx.cooperativeId, sellerId, payout, idempotencyKey),
    { key: 'staff.consignment.paid', vars: { amount: formatRupiah(payout.amount), shop } },
    (status, code) =>
      code === 'CONSIGNMENT.PAYOUT_EXCEEDS_AVAILABLE'
        ? { status: 409, errors: { amount: 'errors.payoutTooMuch' } }
        : status === 409
          ? { status: 409, errors: { form: 'errors.tryAgain' } }
          : null,
  );
}
