import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from '@remix-run/node';

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

export function get(path: string, cookie = '', headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${path}`, {
    headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers },
  });
}

/** Every `name=value` of every Set-Cookie header, merged over `previous` (a Cookie header to send back). */
export function cookiesOf(headers: Headers, previous = ''): string {
  const jar = new Map<string, string>();
  for (const part of previous.split(/;\s*/).filter(Boolean)) {
    const [name] = part.split('=');
    if (name) jar.set(name, part);
  }
  for (const set of headers.getSetCookie()) {
    const pair = set.split(';')[0] ?? '';
    const name = pair.split('=')[0] ?? '';
    if (/expires=Thu, 01 Jan 1970/i.test(set) || /max-age=0/i.test(set)) jar.delete(name);
    else jar.set(name, pair);
  }
  return [...jar.values()].join('; ');
}

/**
 * A form post as a browser sends it from one of our pages: with `Origin: http://localhost` (the CSRF check
 * wants it). `headers` may replace the Origin (a forged post) or add X-Forwarded-* (behind a proxy).
 * `fields` may repeat a name with an array (checkboxes).
 */
export function post(
  path: string,
  fields: Record<string, string | string[]>,
  cookie = '',
  headers: Record<string, string> = {},
): Request {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    body,
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: 'http://localhost',
      ...(cookie ? { Cookie: cookie } : {}),
      ...headers,
    },
  });
}

/** Loader/action arguments; `context` is what server.ts's getLoadContext would give (`peer`). */
export function args(
  request: Request,
  params: Record<string, string>,
  context: AppLoadContext = {},
): LoaderFunctionArgs & ActionFunctionArgs {
  return { request, params, context };
}

/** A multipart form post (a photo upload) from one of our pages; `files` are sent as File parts. */
export function multipart(
  path: string,
  fields: Record<string, string>,
  files: Record<string, File>,
  cookie = '',
  headers: Record<string, string> = {},
): Request {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  for (const [key, file] of Object.entries(files)) body.append(key, file, file.name);
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    body,
    headers: { Origin: 'http://localhost', ...(cookie ? { Cookie: cookie } : {}), ...headers },
  });
}

/** A small "photo" as a phone camera would send it (the fake catalog checks only its type). */
export function jpeg(name = 'IMG_0001.jpg', type = 'image/jpeg', size = 2048): File {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return new File([bytes], name, { type });
}
