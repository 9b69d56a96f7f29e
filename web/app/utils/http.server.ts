import type { z } from 'zod';
import { getEnv } from './env.server';

export type ServiceName = 'catalog' | 'orders' | 'payments' | 'membership' | 'ledger';

/** A 4xx answer from a service: {code, message, details?} as agreed in the API contract. */
export class ApiError extends Error {
  constructor(
    readonly service: ServiceName,
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds from the answer's Retry-After header (429), when it gave one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** What a loader throws when a service is down, slow or answers nonsense: the ErrorBoundary shows a friendly 503. */
export function serviceUnavailable(service: ServiceName): Response {
  return new Response(JSON.stringify({ reason: 'service-unavailable', service }), {
    status: 503,
    statusText: 'Service Unavailable',
    headers: { 'Content-Type': 'application/json', 'Retry-After': '10' },
  });
}

/** A 404 for the ErrorBoundary; `what` picks the message ("product", "order", ...). */
export function notFound(what: string): Response {
  return new Response(JSON.stringify({ reason: 'not-found', what }), {
    status: 404,
    statusText: 'Not Found',
    headers: { 'Content-Type': 'application/json' },
  });
}

function baseUrl(service: ServiceName): string {
  const env = getEnv();
  if (service === 'catalog') return env.CATALOG_URL;
  if (service === 'orders') return env.ORDERS_URL;
  if (service === 'payments') return env.PAYMENTS_URL;
  if (service === 'ledger') return env.LEDGER_URL;
  return env.MEMBERSHIP_URL;
}

export interface ServiceRequest<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  /** A multipart body (a photo upload), sent as it is instead of `body`; fetch sets its boundary. */
  form?: FormData;
  headers?: Record<string, string>;
  /** The signed-in person's access token for THIS service (sent as `Authorization: Bearer …`). */
  token?: string;
  schema: z.ZodType<T>;
  /** Longer than SERVICE_TIMEOUT_MS for a call known to take a while (reconciliation asks providers). */
  timeoutMs?: number;
}

export function serviceUrl(
  service: ServiceName,
  path: string,
  query?: ServiceRequest<unknown>['query'],
): URL {
  const url = new URL(baseUrl(service) + path);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  return url;
}

function retryAfterOf(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = /^\d{1,6}$/.test(header.trim())
    ? Number(header.trim())
    : (Date.parse(header) - Date.now()) / 1000;
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}

/**
 * Calls a service and parses its JSON answer with `schema`.
 * - 2xx → the parsed value; 4xx → ApiError (routes decide what the shopper sees);
 * - network error, timeout, 5xx or an answer that does not match the contract → throws a 503 Response.
 */
export async function callService<T>(service: ServiceName, path: string, req: ServiceRequest<T>): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...req.headers };
  if (req.body !== undefined && !req.form) headers['Content-Type'] = 'application/json';
  if (req.token) headers.Authorization = `Bearer ${req.token}`;
  let res: Response;
  try {
    res = await fetch(serviceUrl(service, path, req.query), {
      method: req.method ?? 'GET',
      headers,
      body: req.form ?? (req.body === undefined ? undefined : JSON.stringify(req.body)),
      signal: AbortSignal.timeout(Math.max(req.timeoutMs ?? 0, getEnv().SERVICE_TIMEOUT_MS)),
    });
  } catch (error) {
    console.error(`[web] ${service} ${req.method ?? 'GET'} ${path} failed: ${(error as Error).message}`);
    throw serviceUnavailable(service);
  }
  if (res.status >= 500) {
    console.error(`[web] ${service} ${req.method ?? 'GET'} ${path} answered ${res.status}`);
    throw serviceUnavailable(service);
  }
  // 204/202 without a body parse as `undefined` (schemas of such calls accept it).
  const payload: unknown = await res.json().catch(() => undefined);
  if (res.status >= 400) {
    const err = (payload ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
    throw new ApiError(
      service,
      res.status,
      typeof err.code === 'string' ? err.code : `HTTP.${res.status}`,
      typeof err.message === 'string' ? err.message : res.statusText,
      err.details,
      retryAfterOf(res.headers.get('Retry-After')),
    );
  }
  const parsed = req.schema.safeParse(payload);
  if (!parsed.success) {
    console.error(`[web] ${service} ${path} answered outside the contract: ${parsed.error.message}`);
    throw serviceUnavailable(service);
  }
  return parsed.data;
}
