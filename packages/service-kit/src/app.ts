import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Logger } from '@pasar/events';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { AppEnv } from './app-env';
import { authenticate } from './auth/access';
import { createRouter, defineRoute } from './auth/routes';
import type { TokenVerifier } from './auth/verify';
import { DomainError, type ErrorBody } from './errors';
import { type ServiceMetrics, serviceMetrics } from './metrics';

export type ReadinessCheck = () => Promise<boolean>;

export interface ServiceAppOptions {
  name: string;
  logger: Logger;
  /** Named checks for /readyz, e.g. { mongo: () => pingMongo(conn), kafka: () => bus.ping() }. */
  readiness?: Record<string, ReadinessCheck>;
  /** Largest accepted request body in bytes (default 64 KiB). */
  maxBodyBytes?: number;
  /**
   * Other limits for some paths (photo uploads): the first whose `path` matches `c.req.path` applies
   * instead of maxBodyBytes; `error` replaces the kit's REQUEST.TOO_LARGE answer.
   */
  bodyLimits?: readonly BodyLimit[];
  /** Verifies membership's access tokens; without it every request is anonymous (tests of public routes). */
  verifier?: TokenVerifier;
  /** Prometheus metrics served at /metrics (default: the process's shared ones; false: none). */
  metrics?: ServiceMetrics | false;
}

export type { AppEnv } from './app-env';
export interface BodyLimit {
  path: RegExp;
  maxBytes: number;
  error?: () => DomainError;
}

const HealthSchema = z.object({ status: z.literal('ok'), service: z.string() });
const ReadySchema = z.object({
  status: z.enum(['ready', 'not-ready']),
  service: z.string(),
  checks: z.record(z.string(), z.boolean()),
});
const metricsRoute = defineRoute({
  method: 'get',
  path: '/metrics',
  summary: 'Prometheus metrics (internal: never routed from a public ingress)',
  access: { allow: ['anonymous'] },
  responses: {
    200: { description: 'Prometheus text exposition', content: { 'text/plain': { schema: z.string() } } },
  },
});
const healthRoute = defineRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Alive',
  access: { allow: ['anonymous'] },
  responses: {
    200: { description: 'The process answers', content: { 'application/json': { schema: HealthSchema } } },
  },
});
const readyRoute = defineRoute({
  method: 'get',
  path: '/readyz',
  summary: 'Ready: every dependency answers',
  access: { allow: ['anonymous'] },
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: ReadySchema } } },
    503: {
      description: 'A dependency does not answer',
      content: { 'application/json': { schema: ReadySchema } },
    },
  },
});

/**
 * The Hono app every service starts from: request ids, one JSON log line per request, one error
 * mapper, JSON 404, body size limit, /healthz (alive) and /readyz (dependencies answer).
 */
export function createServiceApp(opts: ServiceAppOptions): OpenAPIHono<AppEnv> {
  const { logger } = opts;
  const app = createRouter();
  const metrics = opts.metrics === false ? undefined : (opts.metrics ?? serviceMetrics());
  if (metrics) app.use(metrics.http());

  app.use(requestId());
  const debug = logger.isLevelEnabled('debug');
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    if (!debug && c.res.status < 500) return; // the hot path builds no log line it would drop
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const line = {
      reqId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms,
    };
    if (c.res.status >= 500) logger.error(line, 'request failed');
    else logger.debug(line, 'request');
  });
  // Only requests that may carry a body are metered (GETs skip the stream wrapping).
  const limiter = ({ maxBytes, error }: Omit<BodyLimit, 'path'>) =>
    bodyLimit({
      maxSize: maxBytes,
      onError: (c) => {
        if (error) throw error();
        return c.json<ErrorBody>(
          {
            code: 'REQUEST.TOO_LARGE',
            message: `Request body is larger than ${maxBytes} bytes`,
            requestId: c.get('requestId'),
          },
          413,
        );
      },
    });
  const defaultLimit = limiter({ maxBytes: opts.maxBodyBytes ?? 64 * 1024 });
  const pathLimits = (opts.bodyLimits ?? []).map((l) => ({ path: l.path, limit: limiter(l) }));
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '*', (c, next) =>
    (pathLimits.find((l) => l.path.test(c.req.path))?.limit ?? defaultLimit)(c, next),
  );

  if (opts.verifier) app.use(authenticate(opts.verifier));

  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const, service: opts.name }, 200));
  app.openapi(readyRoute, async (c) => {
    const entries = await Promise.all(
      Object.entries(opts.readiness ?? {}).map(
        async ([name, check]) => [name, await check().catch(() => false)] as const,
      ),
    );
    const checks = Object.fromEntries(entries);
    const ready = entries.every(([, ok]) => ok);
    return c.json(
      { status: ready ? ('ready' as const) : ('not-ready' as const), service: opts.name, checks },
      ready ? 200 : 503,
    );
  });

  if (metrics) {
    // Prometheus scrape endpoint: counts and durations per route pattern and topic, no personal
    // data. Open like /healthz, because the scraper has no token: services are internal (only the
    // web is published, see infra/k8s), so it must never be routed from a public ingress.
    app.openapi(metricsRoute, async (_c) => {
      const { body, contentType } = await metrics.render();
      return new Response(body, { status: 200, headers: { 'content-type': contentType } }) as never;
    });
  }

  // A known path asked with a method it does not have is a 405 naming the allowed ones (RFC 9110).
  let routeIndex: { pattern: RegExp; method: string }[] | undefined;
  const allowedMethods = (path: string) => {
    routeIndex ??= app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => ({
        method: r.method,
        pattern: new RegExp(
          `^${r.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\:[A-Za-z0-9_]+|:[A-Za-z0-9_]+/g, '[^/]+')}$`,
        ),
      }));
    return [...new Set(routeIndex.filter((r) => r.pattern.test(path)).map((r) => r.method))];
  };
  app.notFound((c) => {
    const allowed = allowedMethods(c.req.path);
    if (allowed.length > 0) {
      c.header('Allow', allowed.join(', '));
      return c.json<ErrorBody>(
        {
          code: 'ROUTE.METHOD_NOT_ALLOWED',
          message: `${c.req.method} is not allowed on ${c.req.path} (allowed: ${allowed.join(', ')})`,
          requestId: c.get('requestId'),
        },
        405,
      );
    }
    return c.json<ErrorBody>(
      {
        code: 'ROUTE.NOT_FOUND',
        message: `No route ${c.req.method} ${c.req.path}`,
        requestId: c.get('requestId'),
      },
      404,
    );
  });

  app.onError((err, c) => {
    const reqId = c.get('requestId');
    if (err instanceof DomainError) {
      return c.json<ErrorBody>(
        {
          code: err.code,
          message: err.message,
          ...(err.details ? { details: err.details } : {}),
          requestId: reqId,
        },
        err.status,
      );
    }
    if (err instanceof HTTPException && err.status < 500) {
      const code = err.status === 400 ? 'REQUEST.MALFORMED' : `HTTP.${err.status}`;
      return c.json<ErrorBody>({ code, message: err.message || 'Bad request', requestId: reqId }, err.status);
    }
    logger.error({ err, reqId, method: c.req.method, path: c.req.path }, 'unhandled error');
    return c.json<ErrorBody>(
      {
        code: 'INTERNAL.UNEXPECTED',
        message: `Something went wrong on our side (request ${reqId})`,
        requestId: reqId,
      },
      500,
    );
  });
  return app;
}

/**
 * Serves the OpenAPI 3.1 document built from every route registered so far at /openapi.json.
 * Call it after the service's routes are mounted.
 */
export function serveOpenApi(
  app: OpenAPIHono<AppEnv>,
  info: { title: string; version: string; description?: string },
): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'Access token minted by membership for the signed-in person (EdDSA, audience per service, ≤ 5 min)',
  });
  app.doc31('/openapi.json', { openapi: '3.1.0', info });
}
