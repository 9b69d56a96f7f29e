import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { type FieldErrors, parseForm } from '~/schemas/form';
import { PercentAsBps } from '~/schemas/seller.schema';
import { jakartaToday } from '~/utils/datetime';
import { isApiError } from '~/utils/http.server';
import { isBendaharaGrant, isKetuaGrant } from '~/utils/staff';
import { staffFailure, staffNotice, staffStep } from '~/utils/staff-action.server';
import { requireStaff, staffCall } from '~/utils/staff.server';
import {
  approve,
  computeDraft,
  distribute,
  getAllocation,
  getRun,
  listYears,
  putAllocation,
  SHU_POOLS,
  type ShuAllocation,
} from './ledger-shu.server';

/** `?tahun=` of the page (a year the books can have); otherwise last year, the one a RAT closes. */
export function yearOf(url: URL): number {
  const raw = url.searchParams.get('tahun') ?? '';
  const year = /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
  return year >= 2000 && year <= 2100 ? year : Number(jakartaToday().slice(0, 4)) - 1;
}

const AllocationForm = z.object(
  Object.fromEntries(SHU_POOLS.map((p) => [p, PercentAsBps])) as Record<
    (typeof SHU_POOLS)[number],
    typeof PercentAsBps
  >,
);
const ApproveForm = z.object({
  ratDate: z.string({ error: 'errors.date' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.date'),
});
const DistributeForm = z.object({
  to: z.enum(['sukarela', 'cash', 'transfer'], { error: 'errors.required' }),
});

/**
 * SHU (pengurus, pengawas): the bylaws' allocation, a year's run with its pools and every member's
 * JM and JU, and the steps each person may take (the draft and the distribution are the
 * bendahara's; the allocation and the RAT's approval the ketua's or the bendahara's).
 */
export async function loadShu({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'shu');
  const year = yearOf(new URL(request.url));
  const token = ctx.auth.tokens.ledger;
  const [allocation, years, run] = await Promise.all([
    staffCall(request, ctx, () => getAllocation(token, ctx.cooperativeId)),
    staffCall(request, ctx, () => listYears(token, ctx.cooperativeId)),
    getRun(token, ctx.cooperativeId, year).catch((error) => {
      if (isApiError(error, 'SHU.NOT_FOUND')) return null;
      return staffCall(request, ctx, () => Promise.reject(error));
    }),
  ]);
  const { notice, headers } = await staffNotice(request);
  const isBendahara = isBendaharaGrant(ctx.grant);
  return data(
    {
      year,
      today: jakartaToday(),
      allocation: allocation.allocation,
      allocationUpdatedAt: allocation.updatedAt,
      years,
      run,
      canDraft: isBendahara,
      canDistribute: isBendahara,
      canDecide: isBendahara || isKetuaGrant(ctx.grant),
      notice,
    },
    { headers: { 'Cache-Control': 'private, no-store', ...headers } },
  );
}

/** The refusals the ledger names, as the form's errors. */
function refusalOf(status: number, code: string) {
  const form = (key: FieldErrors[string]) => ({ status: status as 400 | 403 | 409, errors: { form: key } });
  switch (code) {
    case 'SHU.YEAR_NOT_CLOSED':
      return form('staff.shu.error.yearNotClosed');
    case 'SHU.ALLOCATION_NOT_SET':
      return form('staff.shu.error.noAllocation');
    case 'SHU.NOT_DRAFT':
      return form('staff.shu.error.notDraft');
    case 'SHU.LOSS':
      return form('staff.shu.error.loss');
    case 'SHU.NOTHING_TO_SHARE':
      return form('staff.shu.error.nothing');
    case 'SHU.NOT_APPROVED':
      return form('staff.shu.error.notApproved');
    case 'SHU.ALREADY_DISTRIBUTED':
      return form('staff.shu.error.distributed');
    case 'SHU.IN_PROGRESS':
    case 'SHU.CHANGED':
      return form('errors.tryAgain');
    case 'SHU.POSITION_REQUIRED':
      return { status: 403 as const, errors: { form: 'staff.shu.ketuaOrBendahara' as const } };
    case 'VALIDATION.FAILED':
      return { status: 400 as const, errors: { ratDate: 'staff.shu.error.ratDate' as const } };
    default:
      return null;
  }
}

export async function shuAction({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'shu');
  const year = yearOf(new URL(request.url));
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '').slice(0, 20);
  const values = Object.fromEntries(
    [...SHU_POOLS, 'ratDate', 'to'].map((f) => [f, String(form.get(f) ?? '').slice(0, 20)]),
  );
  const step = { intent, target: intent, values };
  const token = ctx.auth.tokens.ledger;
  const bendahara = isBendaharaGrant(ctx.grant);
  const decider = bendahara || isKetuaGrant(ctx.grant);
  const vars = { year: String(year) };
  if (intent === 'allocation') {
    if (!decider) return staffFailure(step, { status: 403, errors: { form: 'staff.shu.ketuaOrBendahara' } });
    const parsed = parseForm(AllocationForm, form);
    if (!parsed.ok) return staffFailure(step, { status: 400, errors: parsed.errors });
    const sum = SHU_POOLS.reduce((s, p) => s + parsed.data[p], 0);
    if (sum !== 10_000)
      return staffFailure(step, {
        status: 400,
        errors: {
          form: { key: 'staff.shu.error.sum', vars: { sum: String(sum / 100).replace('.', ',') } },
        },
      });
    return staffStep(
      request,
      ctx,
      step,
      () => putAllocation(token, ctx.cooperativeId, parsed.data as ShuAllocation),
      { key: 'staff.shu.allocationSaved' },
      refusalOf,
    );
  }
  if (intent === 'draft') {
    if (!bendahara) return staffFailure(step, { status: 403, errors: { form: 'staff.shu.bendaharaOnly' } });
    return staffStep(
      request,
      ctx,
      step,
      () => computeDraft(token, ctx.cooperativeId, year),
      { key: 'staff.shu.drafted', vars },
      refusalOf,
    );
  }
  if (intent === 'approve') {
    if (!decider) return staffFailure(step, { status: 403, errors: { form: 'staff.shu.ketuaOrBendahara' } });
    const parsed = parseForm(ApproveForm, form);
    if (!parsed.ok) return staffFailure(step, { status: 400, errors: parsed.errors });
    return staffStep(
      request,
      ctx,
      step,
      () => approve(token, ctx.cooperativeId, year, parsed.data.ratDate),
      { key: 'staff.shu.approved', vars },
      refusalOf,
    );
  }
  if (intent === 'distribute') {
    if (!bendahara) return staffFailure(step, { status: 403, errors: { form: 'staff.shu.bendaharaOnly' } });
    const parsed = parseForm(DistributeForm, form);
    if (!parsed.ok) return staffFailure(step, { status: 400, errors: parsed.errors });
    return staffStep(
      request,
      ctx,
      step,
      () => distribute(token, ctx.cooperativeId, year, parsed.data.to),
      { key: 'staff.shu.distributed', vars },
      refusalOf,
    );
  }
  return staffFailure(step, { status: 400, errors: { form: 'errors.generic' } });
}
