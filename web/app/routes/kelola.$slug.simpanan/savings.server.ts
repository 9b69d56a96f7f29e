import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { type FieldError, type FieldErrors, parseForm } from '~/schemas/form';
import { signedOutByService } from '~/utils/auth.server';
import { jakartaToday } from '~/utils/datetime';
import { type ApiError, isApiError } from '~/utils/http.server';
import type { MessageKey, MessageVars } from '~/utils/i18n';
import { formatRupiah } from '~/utils/money';
import { commitSession, flashNotice, getSession } from '~/utils/session.server';
import { isBendaharaGrant, isKetuaGrant } from '~/utils/staff';
import { staffFailure, staffNotice } from '~/utils/staff-action.server';
import { requireStaff, type StaffContext, staffCall } from '~/utils/staff.server';
import {
  findMembers,
  getSettings,
  listArrears,
  memberSavings,
  putSettings,
  recordDeposit,
  recordWithdrawal,
} from './savings-api.server';
import {
  DepositFormSchema,
  parseRates,
  receivedAtOf,
  SettingsFormSchema,
  WithdrawalFormSchema,
} from './savings.schema';

const MEMBER_ID = /^mbr_[0-9A-Za-z_]{2,40}$/;
const PAGE = 20;

const intParam = (url: URL, name: string, min: number, max: number): number | undefined => {
  const raw = url.searchParams.get(name) ?? '';
  if (!/^\d{1,9}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= min && n <= max ? n : undefined;
};

/** The counter's money: the bendahara (a pengurus in that position) or a kasir, as membership's rule says. */
const canRecord = (ctx: StaffContext) => isBendaharaGrant(ctx.grant) || ctx.grant.roles.includes('kasir');
/** The bylaws' figures: the ketua or the bendahara. */
const canSetRules = (ctx: StaffContext) => isKetuaGrant(ctx.grant) || isBendaharaGrant(ctx.grant);

/**
 * Simpanan (pengurus, kasir, pengawas): the cooperative's savings rules, the members in arrears
 * (`?hal=` offset), a search for a member (`?cari=`), one member's savings (`?anggota=`, history
 * `&sebelum=`), and for the bendahara or a kasir the deposit and withdrawal forms.
 */
export async function loadSavings({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'simpanan');
  const url = new URL(request.url);
  const token = ctx.auth.tokens.membership;
  const chosen = url.searchParams.get('anggota') ?? '';
  const memberId = MEMBER_ID.test(chosen) ? chosen : null;
  const q = (url.searchParams.get('cari') ?? '').trim().slice(0, 80);
  const offset = intParam(url, 'hal', 0, 1_000_000) ?? 0;
  const before = intParam(url, 'sebelum', 1, 1_000_000_000);
  const savingsOf = async (id: string) => {
    try {
      return await staffCall(request, ctx, () => memberSavings(token, ctx.cooperativeId, id, before));
    } catch (error) {
      // A member id that is not (or no longer) this cooperative's: the page says so, the rest stays.
      if (error instanceof Response && error.status === 404) return null;
      throw error;
    }
  };
  const [settings, arrears, found, savings] = await Promise.all([
    staffCall(request, ctx, () => getSettings(token, ctx.cooperativeId)),
    staffCall(request, ctx, () => listArrears(token, ctx.cooperativeId, offset, PAGE)),
    q ? staffCall(request, ctx, () => findMembers(token, ctx.cooperativeId, q)) : Promise.resolve(null),
    memberId ? savingsOf(memberId) : Promise.resolve(null),
  ]);
  const { notice, headers } = await staffNotice(request);
  return data(
    {
      settings,
      arrears,
      q,
      found,
      memberId,
      savings,
      before: before ?? null,
      canRecord: canRecord(ctx),
      canSetRules: canSetRules(ctx),
      today: jakartaToday(),
      notice,
    },
    { headers: { 'Cache-Control': 'private, no-store', ...headers } },
  );
}

type Failure = { status: 400 | 403 | 404 | 409; errors: FieldErrors };

const withVars = (key: MessageKey, vars: MessageVars): FieldError => ({ key, vars });
const rupiahOf = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? formatRupiah(v) : '');

/** Which form field a service field names (its body field → the input that fills it). */
const FIELD_OF: Record<string, { name: string; error: MessageKey }> = {
  amount: { name: 'amount', error: 'errors.price' },
  method: { name: 'method', error: 'savings.errors.method' },
  receiptNumber: { name: 'receiptNumber', error: 'savings.errors.receipt' },
  months: { name: 'months', error: 'savings.errors.months' },
  receivedAt: { name: 'receivedOn', error: 'savings.errors.date' },
  kind: { name: 'kind', error: 'savings.errors.kind' },
  pokokAmount: { name: 'pokokAmount', error: 'errors.price' },
  wajibRates: { name: 'rateFrom-0', error: 'savings.errors.month' },
  firstDue: { name: 'firstDue', error: 'errors.invalidForm' },
};

/** The service's 4xx as the form's field errors: each refusal on the field it is about, with its figures. */
export function refusalOf(error: ApiError): Failure | null {
  const d = (error.details ?? {}) as Record<string, unknown>;
  switch (error.code) {
    case 'SAVINGS.POKOK_AMOUNT':
      return {
        status: 409,
        errors: { amount: withVars('savings.errors.pokokAmount', { amount: rupiahOf(d.expected) }) },
      };
    case 'SAVINGS.POKOK_ALREADY_PAID':
      return { status: 409, errors: { kind: 'savings.errors.pokokPaid' } };
    case 'SAVINGS.WAJIB_AMOUNT_MISMATCH':
      return {
        status: 409,
        errors: {
          amount: withVars('savings.errors.wajibMonths', {
            months: typeof d.months === 'number' ? d.months : '',
            amount: rupiahOf(d.expected),
          }),
        },
      };
    case 'SAVINGS.WAJIB_TOO_FAR_AHEAD':
      return {
        status: 409,
        errors: {
          amount: withVars('savings.errors.tooFarAhead', {
            months: typeof d.months === 'number' ? d.months : '',
            max: rupiahOf(d.max),
          }),
        },
      };
    case 'SAVINGS.INSUFFICIENT':
      return {
        status: 409,
        errors: { amount: withVars('savings.errors.insufficient', { balance: rupiahOf(d.balance) }) },
      };
    case 'SAVINGS.RECEIPT_USED':
      return { status: 409, errors: { receiptNumber: 'savings.errors.receiptUsed' } };
    case 'SAVINGS.RECEIVED_IN_FUTURE':
      return { status: 409, errors: { receivedOn: 'savings.errors.dateFuture' } };
    case 'SAVINGS.RECEIVED_BEFORE_JOINING':
      return { status: 409, errors: { receivedOn: 'savings.errors.beforeJoining' } };
    case 'SAVINGS.NOT_A_MEMBER':
      return { status: 409, errors: { form: 'savings.errors.notAnggota' } };
    case 'SAVINGS.RATE_MONTH_TWICE':
      return { status: 409, errors: { 'rateFrom-0': 'savings.errors.rateTwice' } };
    case 'SAVINGS.KETUA_OR_BENDAHARA_ONLY':
      return { status: 403, errors: { form: 'staff.savings.settingsOnly' } };
    case 'SAVINGS.BUSY':
      return { status: 409, errors: { form: 'errors.tryAgain' } };
    case 'VALIDATION.FAILED': {
      const issues = Array.isArray(d.issues) ? (d.issues as { field?: unknown }[]) : [];
      const errors: FieldErrors = {};
      for (const issue of issues) {
        const field = String(issue.field ?? '').split('.')[0] ?? '';
        const mapped = FIELD_OF[field];
        if (mapped && !errors[mapped.name]) errors[mapped.name] = mapped.error;
      }
      return { status: 400, errors: Object.keys(errors).length ? errors : { form: 'errors.generic' } };
    }
    default:
      return null;
  }
}

/** Post/redirect/get: the refusal becomes the form's errors; success goes back to the page with a notice. */
async function step(
  request: Request,
  ctx: StaffContext,
  form: { intent: string; target: string; values: Record<string, string> },
  call: () => Promise<{ key: MessageKey; vars?: MessageVars }>,
  back: string,
) {
  let notice: { key: MessageKey; vars?: MessageVars };
  try {
    notice = await call();
  } catch (error) {
    if (!isApiError(error)) throw error;
    if (error.status === 401) throw await signedOutByService(request, ctx.auth);
    const failure: Failure | null =
      refusalOf(error) ??
      (error.status === 403
        ? { status: 403, errors: { form: 'errors.notAllowed' } }
        : error.status === 404
          ? { status: 404, errors: { form: 'errors.gone' } }
          : error.status === 409
            ? { status: 409, errors: { form: 'errors.tryAgain' } }
            : error.status === 400
              ? { status: 400, errors: { form: 'errors.generic' } }
              : null);
    if (!failure) throw error;
    return staffFailure(form, failure);
  }
  const session = await getSession(request);
  flashNotice(session, notice.key, notice.vars);
  return redirect(back, { headers: { 'Set-Cookie': await commitSession(session) } });
}

const FORM_FIELDS = [
  'memberId',
  'memberName',
  'kind',
  'amount',
  'months',
  'method',
  'receiptNumber',
  'receivedOn',
  'pokokAmount',
  'firstDue',
  ...Array.from({ length: 4 }, (_, i) => [`rateFrom-${i}`, `rateAmount-${i}`]).flat(),
];

/** intent=deposit | withdrawal (the bendahara or a kasir), intent=settings (the ketua or the bendahara). */
export async function savingsAction({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'simpanan');
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '').slice(0, 20);
  const values = Object.fromEntries(FORM_FIELDS.map((f) => [f, String(form.get(f) ?? '').slice(0, 120)]));
  const token = ctx.auth.tokens.membership;
  const url = new URL(request.url);
  if (intent === 'settings') {
    const target = { intent, target: 'settings', values };
    if (!canSetRules(ctx))
      return staffFailure(target, { status: 403, errors: { form: 'staff.savings.settingsOnly' } });
    const parsed = parseForm(SettingsFormSchema, form);
    const { rates, errors } = parseRates(form);
    if (!parsed.ok || Object.keys(errors).length > 0)
      return staffFailure(target, {
        status: 400,
        errors: { ...(parsed.ok ? {} : parsed.errors), ...errors },
      });
    return step(
      request,
      ctx,
      target,
      async () => {
        await putSettings(token, ctx.cooperativeId, {
          pokokAmount: parsed.data.pokokAmount,
          wajibRates: rates,
          firstDue: parsed.data.firstDue,
        });
        return { key: 'staff.savings.settingsSaved' };
      },
      url.pathname + url.search,
    );
  }
  const memberId = values.memberId ?? '';
  const target = { intent, target: memberId, values };
  if (!canRecord(ctx))
    return staffFailure(target, { status: 403, errors: { form: 'staff.savings.counterOnly' } });
  const parsed =
    intent === 'withdrawal' ? parseForm(WithdrawalFormSchema, form) : parseForm(DepositFormSchema, form);
  if (!parsed.ok) return staffFailure(target, { status: 400, errors: parsed.errors });
  const input = parsed.data;
  const receivedAt = receivedAtOf(input.receivedOn, jakartaToday());
  if (receivedAt === 'future')
    return staffFailure(target, { status: 400, errors: { receivedOn: 'savings.errors.dateFuture' } });
  const common = {
    amount: input.amount,
    method: input.method,
    receiptNumber: input.receiptNumber,
    ...(receivedAt ? { receivedAt } : {}),
  };
  const name = (values.memberName || memberId).slice(0, 80);
  const back = `${url.pathname}?${new URLSearchParams({ anggota: input.memberId })}#savings-title`;
  return step(
    request,
    ctx,
    target,
    async (): Promise<{ key: MessageKey; vars?: MessageVars }> => {
      const out =
        input.intent === 'withdrawal'
          ? await recordWithdrawal(token, ctx.cooperativeId, input.memberId, common)
          : await recordDeposit(token, ctx.cooperativeId, input.memberId, {
              ...common,
              kind: input.kind,
              ...(input.kind === 'wajib' && input.months !== undefined ? { months: input.months } : {}),
            } as Parameters<typeof recordDeposit>[3]);
      if (out.replayed) return { key: 'staff.savings.replayed', vars: { receipt: input.receiptNumber } };
      const amount = formatRupiah(input.amount);
      return input.intent === 'withdrawal'
        ? { key: 'staff.savings.withdrawn', vars: { amount, name } }
        : { key: 'staff.savings.deposited', vars: { kind: input.kind, amount, name } };
    },
    back,
  );
}
