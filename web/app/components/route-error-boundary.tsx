import { isRouteErrorResponse, Link, useLocation, useRouteError } from '@remix-run/react';
import { isMessageKey, type MessageKey } from '~/utils/i18n';
import { useI18n } from '~/utils/use-i18n';

interface Explained {
  title: MessageKey;
  body: MessageKey;
}

/** Turns what a loader or action threw into words a shopper understands. */
export function explainError(error: unknown): Explained {
  if (isRouteErrorResponse(error)) {
    const data = (error.data ?? {}) as { what?: unknown };
    if (error.status === 404) {
      const key = `error.notFound.${typeof data.what === 'string' ? data.what : 'page'}`;
      return { title: 'error.notFound.title', body: isMessageKey(key) ? key : 'error.notFound.page' };
    }
    if (error.status === 403) return { title: 'error.forbidden.title', body: 'error.forbidden.body' };
    if (error.status === 503 || error.status === 502 || error.status === 504) {
      return { title: 'error.unavailable.title', body: 'error.unavailable.body' };
    }
    if (error.status >= 400 && error.status < 500)
      return { title: 'error.badRequest.title', body: 'errors.generic' };
  }
  return { title: 'error.unexpected.title', body: 'error.unexpected.body' };
}

/** The ErrorBoundary of every route: a heading, a plain explanation and two ways on. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const location = useLocation();
  const { t } = useI18n();
  const { title, body } = explainError(error);
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{t(title)}</h1>
      <p role="alert">{t(body)}</p>
      <p className="actions">
        {/* A plain link, so "try again" is a full new request even when the app script failed. */}
        <a className="button" href={location.pathname + location.search}>
          {t('error.tryAgain')}
        </a>
        <Link className="button button-secondary" to="/">
          {t('error.home')}
        </Link>
      </p>
    </section>
  );
}
