import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';

/** What a loader/action gave back, whatever its form: data(), a plain object, or a Response (redirect). */
export interface Outcome<T = unknown> {
  status: number;
  headers: Headers;
  data: T;
}

type DataWithInit = { type: 'DataWithResponseInit'; data: unknown; init: ResponseInit | null };

function isDataWithInit(value: unknown): value is DataWithInit {
  return (
    typeof value === 'object' && value !== null && (value as DataWithInit).type === 'DataWithResponseInit'
  );
}

export async function outcome<T = Record<string, unknown>>(result: unknown): Promise<Outcome<T>> {
  if (result instanceof Response) {
    const text = await result.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      // plain text body
    }
    return { status: result.status, headers: result.headers, data: data as T };
  }
  if (isDataWithInit(result)) {
    return {
      status: result.init?.status ?? 200,
      headers: new Headers(result.init?.headers),
      data: result.data as T,
    };
  }
  return { status: 200, headers: new Headers(), data: result as T };
}

/** Runs a loader or action and returns what it returned OR threw (thrown Responses are how Remix says 404/503). */
export async function run<T = Record<string, unknown>>(
  fn: () => Promise<unknown> | unknown,
): Promise<Outcome<T>> {
  try {
    return await outcome<T>(await fn());
  } catch (thrown) {
    if (thrown instanceof Response) return outcome<T>(thrown);
    throw thrown;
  }
}

/** The `name=value` part of a Set-Cookie header, to send back as Cookie. */
export function cookieOf(headers: Headers, previous = ''): string {
  const set = headers.get('Set-Cookie');
  return set ? (set.split(';')[0] ?? '') : previous;
}

export function get(path: string, cookie = ''): Request {
  return new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

export function post(path: string, fields: Record<string, string>, cookie = ''): Request {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
  });
}

export function args(
  request: Request,
  params: Record<string, string>,
): LoaderFunctionArgs & ActionFunctionArgs {
  return { request, params, context: {} };
}
