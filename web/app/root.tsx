import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { RouteErrorBoundary } from './components/route-error-boundary';
import { SiteFooter, SiteHeader } from './components/site-header';
import appCss from './styles/app.css?url';
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
  const session = await getSession(request);
  return { lang: getLang(session) };
}

/** The document shell, shared by the app and its error pages; `<html lang>` follows the shopper's language. */
export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const lang = isLang(data?.lang) ? data.lang : DEFAULT_LANG;
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
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="container">
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
