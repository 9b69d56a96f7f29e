import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node';
import { parseForm } from '~/schemas/form';
import { ApplicationDecisionSchema } from '~/schemas/seller.schema';
import { decideApplication, listApplications, listSellers, setSellerStanding } from '~/utils/sellers.server';
import { holdsAny, SELLER_DECIDERS } from '~/utils/staff';
import { staffFailure, staffNotice, staffStep } from '~/utils/staff-action.server';
import { requireStaff, staffCall } from '~/utils/staff.server';

/** Penjual (pengurus, pengawas): applications waiting for a decision, and the registry of sellers. */
export async function loadSellers({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'penjual');
  const token = ctx.auth.tokens.membership;
  const [applications, sellers] = await Promise.all([
    staffCall(request, ctx, () => listApplications(token, ctx.cooperativeId, 'pending')),
    staffCall(request, ctx, () => listSellers(token, ctx.cooperativeId)),
  ]);
  const { notice, headers } = await staffNotice(request);
  return data(
    { applications, sellers, canDecide: holdsAny(ctx.grant, SELLER_DECIDERS), notice },
    { headers: { 'Cache-Control': 'private, no-store', ...headers } },
  );
}

/** Approve / decline an application (with the reason the member reads); suspend / reinstate a seller. */
export async function sellersAction({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'penjual');
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '').slice(0, 20);
  const target = String(form.get('applicationId') ?? form.get('sellerId') ?? '').slice(0, 64);
  const shopName = String(form.get('shopName') ?? '').slice(0, 80);
  const values = { reason: String(form.get('reason') ?? '').slice(0, 600) };
  const step = { intent, target, values };
  if (!holdsAny(ctx.grant, SELLER_DECIDERS))
    return staffFailure(step, { status: 403, errors: { form: 'errors.notAllowed' } });
  const parsed = parseForm(ApplicationDecisionSchema, form);
  if (!parsed.ok) return staffFailure(step, { status: 400, errors: parsed.errors });
  const token = ctx.auth.tokens.membership;
  const input = parsed.data;
  const vars = { shop: shopName || target };
  if (input.intent === 'approve' || input.intent === 'decline')
    return staffStep(
      request,
      ctx,
      step,
      () =>
        decideApplication(
          token,
          ctx.cooperativeId,
          input.applicationId,
          input.intent === 'approve' ? { approve: true } : { approve: false, reason: input.reason },
        ),
      { key: input.intent === 'approve' ? 'staff.sellers.approved' : 'staff.sellers.declined', vars },
      (status, code) =>
        status === 400 && input.intent === 'decline'
          ? { status: 400, errors: { reason: 'errors.reasonShort' } }
          : code.includes('NOT_A_MEMBER')
            ? { status: 409, errors: { form: 'errors.notAMember' } }
            : null,
    );
  return staffStep(
    request,
    ctx,
    step,
    () =>
      setSellerStanding(
        token,
        ctx.cooperativeId,
        input.sellerId,
        input.intent === 'suspend' ? { suspend: true, reason: input.reason } : { suspend: false },
      ),
    { key: input.intent === 'suspend' ? 'staff.sellers.suspended' : 'staff.sellers.reinstated', vars },
    (status) =>
      status === 400 && input.intent === 'suspend'
        ? { status: 400, errors: { reason: 'errors.reasonShort' } }
        : null,
  );
}
