import { createCookieSessionStorage, type Session } from '@remix-run/node';
import { getEnv } from './env.server';
import { DEFAULT_LANG, isLang, isMessageKey, type Lang, type MessageKey, type MessageVars } from './i18n';

/**
 * Everything the storefront remembers about a guest lives in one signed, http-only cookie:
 * the cart id per cooperative, the access token of each order placed from this browser, and the language.
 * No personal data: name, phone and address go straight to the orders service.
 */
interface SessionData {
  carts: Record<string, string>;
  orders: Record<string, string>;
  lang: Lang;
}
/** A message shown once on the page a redirect lands on (post/redirect/get). */
export interface FlashNotice {
  key: MessageKey;
  vars?: MessageVars;
}
type FlashData = { notice: FlashNotice };

/** Keep the cookie well under 4 KB: the newest orders win. */
const MAX_ORDER_TOKENS = 15;

let storage: ReturnType<typeof createStorage> | undefined;

function createStorage() {
  const env = getEnv();
  return createCookieSessionStorage<SessionData, FlashData>({
    cookie: {
      name: '__pasar',
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: env.COOKIE_SECURE,
      secrets: [env.SESSION_SECRET],
      maxAge: 60 * 60 * 24 * 30,
    },
  });
}

function sessionStorage() {
  storage ??= createStorage();
  return storage;
}

export type ShopperSession = Session<SessionData, FlashData>;

export function getSession(request: Request): Promise<ShopperSession> {
  return sessionStorage().getSession(request.headers.get('Cookie'));
}

export function commitSession(session: ShopperSession): Promise<string> {
  return sessionStorage().commitSession(session);
}

export function getLang(session: ShopperSession): Lang {
  const lang = session.get('lang');
  return isLang(lang) ? lang : DEFAULT_LANG;
}

export function getCartId(session: ShopperSession, cooperativeId: string): string | undefined {
  return session.get('carts')?.[cooperativeId];
}

export function setCartId(session: ShopperSession, cooperativeId: string, cartId: string): void {
  session.set('carts', { ...session.get('carts'), [cooperativeId]: cartId });
}

export function getOrderToken(session: ShopperSession, orderId: string): string | undefined {
  return session.get('orders')?.[orderId];
}

export function rememberOrder(session: ShopperSession, orderId: string, token: string): void {
  const entries = Object.entries(session.get('orders') ?? {}).filter(([id]) => id !== orderId);
  entries.push([orderId, token]);
  session.set('orders', Object.fromEntries(entries.slice(-MAX_ORDER_TOKENS)));
}

export function flashNotice(session: ShopperSession, key: MessageKey, vars?: MessageVars): void {
  session.flash('notice', vars ? { key, vars } : { key });
}

/** Reads (and so clears) the flash message: the caller must commit the session. */
export function takeNotice(session: ShopperSession): FlashNotice | null {
  const notice = session.get('notice');
  return notice && isMessageKey(notice.key) ? notice : null;
}

/** Tests only: build the cookie storage again from a changed environment. */
export function resetSessionStorageForTests(): void {
  storage = undefined;
}
