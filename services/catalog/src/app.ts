import { createServiceApp, type ReadinessCheck, serveOpenApi, type TokenVerifier } from '@pasar/service-kit';
import { moderationRoutes } from './routes/moderation.routes';
import { productExtrasRoutes } from './routes/product-extras.routes';
import { PHOTO_UPLOAD_BODY_LIMIT } from './photos/photo-upload';
import { photoRoutes } from './photos/photo.routes';
import type { PhotoDeps } from './photos/upload-photo';
import { publicRoutes } from './routes/public.routes';
import { staffRoutes } from './routes/staff.routes';
import type { CatalogDeps } from './use-cases/deps';

export interface AppDeps extends CatalogDeps {
  /** Verifies membership's access tokens (main.ts: from MEMBERSHIP_JWKS_URL; tests: a test issuer). */
  verifier?: TokenVerifier;
  /** Checks for /readyz, e.g. { mongo, kafka }. */
  readiness?: Record<string, ReadinessCheck>;
  /** Photo uploads and variants (src/photos); their routes are mounted only with these. */
  photos?: PhotoDeps;
}

/** Builds catalog's HTTP app. No I/O here: tests call `createApp(deps).request(...)`. */
export function createApp(deps: AppDeps): ReturnType<typeof createServiceApp> {
  const app = createServiceApp({
    name: 'catalog',
    logger: deps.logger,
    readiness: deps.readiness,
    verifier: deps.verifier,
    bodyLimits: [PHOTO_UPLOAD_BODY_LIMIT],
  });
  app.route('/', publicRoutes(deps));
  app.route('/', staffRoutes(deps));
  app.route('/', productExtrasRoutes(deps));
  app.route('/', moderationRoutes(deps));
  if (deps.photos) app.route('/', photoRoutes(deps.photos));
  serveOpenApi(app, {
    title: 'Pasar catalog',
    version: '2.1.0',
    description:
      "A cooperative's product listings and stock. Staff routes need a membership access token (Authorization: Bearer); each operation's rule is under x-pasar-access.",
  });
  return app;
}
