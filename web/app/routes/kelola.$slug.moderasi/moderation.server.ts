import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node';
import { parseForm } from '~/schemas/form';
import { ReviewDecisionSchema } from '~/schemas/seller.schema';
import {
  decideReview,
  getListingSettings,
  listReviews,
  putListingSettings,
} from '~/utils/catalog-sellers.server';
import { holdsAny, MODERATORS } from '~/utils/staff';
import { staffFailure, staffNotice, staffStep } from '~/utils/staff-action.server';
import { requireStaff, staffCall } from '~/utils/staff.server';

/** Moderasi (pengurus, pengawas): new listings and price changes waiting, with the diff; the threshold. */
export async function loadModeration({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'moderasi');
  const token = ctx.auth.tokens.catalog;
  const [reviews, settings] = await Promise.all([
    staffCall(request, ctx, () => listReviews(token, ctx.cooperativeId)),
    staffCall(request, ctx, () => getListingSettings(token, ctx.cooperativeId)),
  ]);
  const { notice, headers } = await staffNotice(request);
  return data(
    {
      reviews: reviews.map((r) => ({
        productId: r.product.id,
        kind: r.kind,
        requestedAt: r.requestedAt,
        name: r.product.name,
        shopName: r.product.seller?.shopName ?? null,
        category: r.product.category,
        unit: r.product.unit,
        price: r.product.price,
        description: r.product.description,
        photos: r.product.photos ?? [],
        diff: r.diff,
      })),
      threshold: settings.priceReviewThresholdPercent,
      canDecide: holdsAny(ctx.grant, MODERATORS),
      notice,
    },
    { headers: { 'Cache-Control': 'private, no-store', ...headers } },
  );
}

/** Approve / reject (with the reason the seller reads) a listing or a price change; set the threshold. */
export async function moderationAction({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'moderasi');
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '').slice(0, 20);
  const target = String(form.get('productId') ?? 'threshold').slice(0, 64);
  const name = String(form.get('name') ?? '').slice(0, 120);
  const values = {
    reason: String(form.get('reason') ?? '').slice(0, 600),
    priceReviewThresholdPercent: String(form.get('priceReviewThresholdPercent') ?? '').slice(0, 10),
  };
  const step = { intent, target, values };
  if (!holdsAny(ctx.grant, MODERATORS))
    return staffFailure(step, { status: 403, errors: { form: 'errors.notAllowed' } });
  const parsed = parseForm(ReviewDecisionSchema, form);
  if (!parsed.ok) return staffFailure(step, { status: 400, errors: parsed.errors });
  const input = parsed.data;
  const token = ctx.auth.tokens.catalog;
  if (input.intent === 'threshold')
    return staffStep(
      request,
      ctx,
      step,
      () =>
        putListingSettings(token, ctx.cooperativeId, {
          priceReviewThresholdPercent: input.priceReviewThresholdPercent,
        }),
      { key: 'staff.moderation.thresholdSaved', vars: { percent: input.priceReviewThresholdPercent } },
    );
  return staffStep(
    request,
    ctx,
    step,
    () =>
      decideReview(
        token,
        input.productId,
        input.intent === 'approve' ? { approve: true } : { approve: false, reason: input.reason },
      ),
    {
      key: input.intent === 'approve' ? 'staff.moderation.approved' : 'staff.moderation.rejected',
      vars: { name: name || input.productId },
    },
    (status) =>
      status === 400 && input.intent === 'reject'
        ? { status: 400, errors: { reason: 'errors.reasonShort' } }
        : null,
  );
}
