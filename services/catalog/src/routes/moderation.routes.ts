import { createRouter, defineRoute, ErrorBodySchema } from '@pasar/service-kit';
import { PRODUCT_EDITOR_ROLES } from '../domain/product-access';
import type { CatalogDeps } from '../use-cases/deps';
import { getListingSettings, setListingSettings } from '../use-cases/listing-settings';
import { listReviews } from '../use-cases/list-reviews';
import { reviewListing } from '../use-cases/review-listing';
import {
  CooperativeParamsSchema,
  ListingSettingsBodySchema,
  ListingSettingsViewSchema,
  ProductParamsSchema,
  RejectBodySchema,
  ReviewQueueSchema,
  StaffProductViewSchema,
} from './product.schemas';
import { toStaffProductView } from './product.view';
import { actorInPath, body, json, productNotFoundAnswer, unsupported, writeContext } from './route-helpers';

const notPending = json('REVIEW.NOT_PENDING: nothing on this listing waits for review', ErrorBodySchema);

export const listReviewsRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/reviews',
  summary:
    "The moderation queue: sellers' new listings and price changes waiting for a pengurus, each with its diff",
  access: { allow: ['pengurus', 'pengawas'], scope: 'path' },
  request: { params: CooperativeParamsSchema },
  responses: { 200: json('Pending reviews, oldest request first', ReviewQueueSchema) },
});

export const approveReviewRoute = defineRoute({
  method: 'post',
  path: '/products/{productId}/review/approve',
  summary: 'Approve what waits: a new listing is published, a price change goes live. Audited',
  access: { allow: ['pengurus'], scope: 'resource' },
  request: { params: ProductParamsSchema },
  responses: {
    200: json('The product after the decision', StaffProductViewSchema),
    404: productNotFoundAnswer,
    409: notPending,
  },
});

export const rejectReviewRoute = defineRoute({
  method: 'post',
  path: '/products/{productId}/review/reject',
  summary:
    'Reject what waits, with a reason the seller sees; the listing and its live price stay as they are. Audited',
  access: { allow: ['pengurus'], scope: 'resource' },
  request: { params: ProductParamsSchema, body: body(RejectBodySchema) },
  responses: {
    200: json('The product after the decision', StaffProductViewSchema),
    404: productNotFoundAnswer,
    409: notPending,
    415: unsupported,
  },
});

export const getListingSettingsRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/listing-settings',
  summary: "The cooperative's listing rules (price-review threshold; default 20 %)",
  access: { allow: [...PRODUCT_EDITOR_ROLES, 'pengawas'], scope: 'path' },
  request: { params: CooperativeParamsSchema },
  responses: { 200: json('The settings', ListingSettingsViewSchema) },
});

export const putListingSettingsRoute = defineRoute({
  method: 'put',
  path: '/cooperatives/{cooperativeId}/listing-settings',
  summary:
    "Set the price-review threshold: a penjual's price change by more than this percentage waits for review. Audited",
  access: { allow: ['pengurus'], scope: 'path' },
  request: { params: CooperativeParamsSchema, body: body(ListingSettingsBodySchema) },
  responses: { 200: json('The settings', ListingSettingsViewSchema), 415: unsupported },
});

const settingsView = (s: Awaited<ReturnType<typeof getListingSettings>>) => ({
  cooperativeId: s.cooperativeId,
  priceReviewThresholdPercent: s.priceReviewThresholdPercent,
  updatedAt: s.updatedAt?.toISOString() ?? null,
});

/** Listing moderation: the pengurus's queue and decisions, and the cooperative's threshold. */
export function moderationRoutes(deps: CatalogDeps) {
  const app = createRouter();
  app.openapi(listReviewsRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    actorInPath(c, cooperativeId);
    const items = (await listReviews(deps, cooperativeId)).map(({ product, diff }) => ({
      product: toStaffProductView(product),
      kind: product.review!.kind,
      requestedAt: product.review!.requestedAt.toISOString(),
      diff,
    }));
    return c.json({ items }, 200);
  });
  app.openapi(approveReviewRoute, async (c) => {
    const product = await reviewListing(
      deps,
      c.req.valid('param').productId,
      { approve: true },
      writeContext(c),
    );
    return c.json(toStaffProductView(product), 200);
  });
  app.openapi(rejectReviewRoute, async (c) => {
    const product = await reviewListing(
      deps,
      c.req.valid('param').productId,
      { approve: false, reason: c.req.valid('json').reason },
      writeContext(c),
    );
    return c.json(toStaffProductView(product), 200);
  });
  app.openapi(getListingSettingsRoute, async (c) => {
    const settings = await getListingSettings(deps, c.req.valid('param').cooperativeId);
    return c.json(settingsView(settings), 200);
  });
  app.openapi(putListingSettingsRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    const settings = await setListingSettings(
      deps,
      cooperativeId,
      c.req.valid('json'),
      actorInPath(c, cooperativeId),
      { correlationId: c.get('requestId') },
    );
    return c.json(settingsView(settings), 200);
  });
  return app;
}
