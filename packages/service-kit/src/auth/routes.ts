import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import { issuesFromZod, ValidationError } from '../errors';
import { type AccessRule, enforce } from './access';

/** An endpoint's definition: request/response schemas (validation + OpenAPI) and who may call it. */
export type PasarRouteConfig = RouteConfig & { access: AccessRule };

/** The OpenAPI extension that carries each operation's access rule (read by the authorization matrix test). */
export const ACCESS_EXTENSION = 'x-pasar-access';

export const ErrorBodySchema = z
  .object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
    requestId: z.string().optional(),
  })
  .openapi('Error');

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorBodySchema } },
});

/** The error answers every route can give, added to each operation so the document is the truth. */
function errorResponses(config: RouteConfig, access: AccessRule) {
  const hasBody = !!config.request?.body;
  const open = access.allow.includes('anonymous');
  return {
    400: errorResponse('Invalid input: names each field and why'),
    // Any route answers 401 to an invalid, expired or tampered token, anonymous ones included.
    401: errorResponse(
      open ? 'The access token sent is invalid or expired' : 'No valid access token (or order link)',
    ),
    ...(open ? {} : { 403: errorResponse('Signed in, without the role this needs in this cooperative') }),
    404: errorResponse("Not found (also another cooperative's resource)"),
    ...(hasBody ? { 413: errorResponse('Request body too large') } : {}),
    ...(hasBody ? { 415: errorResponse('The body is not application/json') } : {}),
    ...(config.method === 'get' ? {} : { 409: errorResponse('A business rule refused the change') }),
  };
}

/**
 * `defineRoute({ method, path, request, responses, access })`: one definition gives validation,
 * the OpenAPI operation (with its rule under `x-pasar-access`) and the route's guard, which runs
 * before validation so an unauthorised caller learns nothing about the input.
 */
export function defineRoute<R extends PasarRouteConfig>(config: R) {
  const { access, ...route } = config;
  const responses = { ...errorResponses(route, access), ...route.responses };
  const security = access.allow.includes('anonymous') ? [] : [{ bearer: [] }];
  return createRoute({
    ...route,
    responses,
    security,
    middleware: [enforce(access)],
    [ACCESS_EXTENSION]: access,
  }) as unknown as Omit<R, 'access'> & { middleware: ReturnType<typeof enforce>[]; getRoutingPath(): string };
}

const prefixFor = (target: string) => (target === 'json' || target === 'form' ? undefined : target);

/** A router whose validation failures become the kit's 400 naming every field (query.limit, name…). */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success)
        throw new ValidationError(issuesFromZod(result.error.issues, prefixFor(result.target)));
    },
  });
}

export interface RouteAccess {
  method: string;
  /** OpenAPI-style path: /cooperatives/{cooperativeId}/products */
  path: string;
  access: AccessRule | undefined;
}

/** Every operation of an app with its access rule (undefined when a route was registered without one). */
export function routeTable(app: OpenAPIHono<AppEnv>): RouteAccess[] {
  return app.openAPIRegistry.definitions
    .filter((d) => d.type === 'route')
    .map((d) => {
      const r = (d as { route: RouteConfig & Record<string, unknown> }).route;
      return {
        method: r.method.toUpperCase(),
        path: r.path,
        access: r[ACCESS_EXTENSION] as AccessRule | undefined,
      };
    });
}
