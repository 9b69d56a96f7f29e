import type { MiddlewareHandler } from 'hono';

/** The server key from `Authorization: Basic base64(serverKey + ":")`, or undefined. */
export function basicUser(header: string | undefined): string | undefined {
  const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? decoded : decoded.slice(0, colon);
}

/** Snap answers a wrong or missing key with HTTP 401 and error_messages. */
export function snapAuth(serverKey: string): MiddlewareHandler {
  return async (c, next) => {
    if (basicUser(c.req.header('authorization')) !== serverKey)
      return c.json(
        {
          error_messages: [
            'Access denied due to unauthorized transaction, please check client or server key',
          ],
        },
        401,
      );
    await next();
  };
}

/** The Core API answers a wrong or missing key with HTTP 401 and a status_code body. */
export function coreAuth(serverKey: string): MiddlewareHandler {
  return async (c, next) => {
    if (basicUser(c.req.header('authorization')) !== serverKey)
      return c.json(
        {
          status_code: '401',
          status_message: 'Access denied due to unauthorized transaction, please check client or server key',
        },
        401,
      );
    await next();
  };
}
