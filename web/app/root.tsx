import {
  data,
  type HeadersFunction,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { Notice } from './components/notice';
import { RouteErrorBoundary } from './components/route-error-boundary';
import { SiteFooter, SiteHeader } from './components/site-header';
import appCss from './styles/app.css?url';
import { headerAccount } from './utils/header-account.server';
import { DEFAULT_LANG, isLang, localeOf } from './utils/i18n';
import { getLang, getSession } from './utils/session.server';
import { useI18n } from './utils/use-i18n';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: appCss },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export const meta: MetaFunction = () => [{ title: 'Pasar' }];

/** Baseline security headers for every page (routes without their own `headers` inherit these). */
export const headers: HeadersFunction = () => ({
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
});

export async function loader({ request }: LoaderFunctionArgs) {
  const [session, who] = await Promise.all([getSession(request), headerAccount(request)]);
  return data(
    { lang: getLang(session), account: who.account, sessionExpired: who.expired },
    who.setCookie ? { headers: { 'Set-Cookie': who.setCookie } } : undefined,
  );
}

/** The document shell, shared by the app and its error pages; `<html lang>` follows the shopper's language. */
export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>('root');
  const lang = isLang(rootData?.lang) ? rootData.lang : DEFAULT_LANG;
  return (
    <html lang={localeOf(lang)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#b91c1c" />
        <Meta />
        <Links />
      </head>
      <body>
        <Page>{children}</Page>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

function Page({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const rootData = useRouteLoaderData<typeof loader>('root');
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <SiteHeader account={rootData?.account ?? null} />
      <main id="main" tabIndex={-1} className="container">
        {rootData?.sessionExpired ? (
          <Notice tone="info">
            {t('auth.sessionExpired')} <a href="/masuk">{t('nav.signIn')}</a>
          </Notice>
        ) : null}
        {children}
      </main>
      <SiteFooter />
    </>
  );
}

export default function App() {
  return <Outlet />;
}

export const ErrorBoundary = RouteErrorBoundary;
