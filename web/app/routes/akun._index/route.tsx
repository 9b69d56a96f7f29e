import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { FieldMessage, TextField } from '~/components/field';
import { FormErrors } from '~/components/form-errors';
import { useRoleNames } from '~/components/role-list';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formAction } from '~/utils/action.server';
import { pageTitle } from '~/utils/meta';
import { useI18n } from '~/utils/use-i18n';
import { accountAction, loadAccount } from './account.server';

export const loader = (args: LoaderFunctionArgs) => loadAccount(args);
export const action = formAction((args: ActionFunctionArgs) => accountAction(args));

export const headers: HeadersFunction = ({ loaderHeaders, parentHeaders }) => {
  const merged = new Headers(parentHeaders);
  merged.set('Cache-Control', loaderHeaders.get('Cache-Control') ?? 'private, no-store');
  return merged;
};

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'account.title') },
  { name: 'robots', content: 'noindex' },
];

export default function AccountPage() {
  const { person, grants, dinas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const roleNames = useRoleNames();
  const passwordErrors = actionData?.intent !== 'erasure' ? actionData?.errors : undefined;
  const erasureErrors = actionData?.intent === 'erasure' ? actionData.errors : undefined;
  return (
    <>
      <h1>{t('account.title')}</h1>
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t('account.profile')}</h2>
        <dl className="facts">
          <dt>{t('account.name')}</dt>
          <dd>{person.name}</dd>
          <dt>{t('account.phone')}</dt>
          <dd>{person.phoneMasked}</dd>
        </dl>
        <p>
          <Link to="/akun/pesanan">{t('nav.myOrders')}</Link>
        </p>
        <p>
          <Link to="/akun/simpanan">{t('nav.mySavings')}</Link>
          {' · '}
          <Link to="/akun/shu">{t('nav.myShu')}</Link>
        </p>
      </section>

      <section aria-labelledby="roles-title">
        <h2 id="roles-title">{t('account.roles')}</h2>
        {dinas ? (
          <p>
            <Link to="/dinas">{t('books.dinas.link')}</Link>
          </p>
        ) : null}
        {grants.length === 0 ? (
          <p>{t('account.noRoles')}</p>
        ) : (
          <ul className="card-list">
            {grants.map((g) => (
              <li key={g.cooperativeId} className="card">
                <h3>{g.cooperativeName}</h3>
                <p>{roleNames(g.roles, g.position)}</p>
                {g.staff ? (
                  <p>
                    <Link to={`/kelola/${g.cooperativeId}`}>
                      {t('nav.manage', { market: g.cooperativeName })}
                    </Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="password-title">
        <h2 id="password-title">{t('account.changePassword')}</h2>
        <p className="muted">{t('account.changePasswordHelp')}</p>
        <Form method="post" noValidate>
          <FormErrors errors={passwordErrors} />
          <input type="hidden" name="intent" value="password" />
          <TextField
            name="currentPassword"
            type="password"
            label={t('account.currentPassword')}
            autoComplete="current-password"
            required
            error={passwordErrors?.currentPassword}
          />
          <TextField
            name="newPassword"
            type="password"
            label={t('setPassword.newPassword')}
            hint={t('setPassword.newPasswordHint')}
            autoComplete="new-password"
            required
            minLength={8}
            error={passwordErrors?.newPassword}
          />
          <TextField
            name="confirmPassword"
            type="password"
            label={t('setPassword.confirm')}
            autoComplete="new-password"
            required
            error={passwordErrors?.confirmPassword}
          />
          <button type="submit">{t('account.changePasswordSubmit')}</button>
        </Form>
      </section>

      <section aria-labelledby="data-title">
        <h2 id="data-title">{t('account.data')}</h2>
        <p>{t('account.dataHelp')}</p>
        <p>
          {/* A plain link: the browser downloads the JSON (Content-Disposition: attachment). */}
          <a href="/akun/data" className="button button-secondary" download>
            {t('account.download')}
          </a>
        </p>
        <h3>{t('account.erasure')}</h3>
        <p>{t('account.erasureHelp')}</p>
        <Form method="post" noValidate>
          <FormErrors errors={erasureErrors?.form ? erasureErrors : undefined} />
          <input type="hidden" name="intent" value="erasure" />
          <div className="field-check">
            <input
              id="erasure-confirm"
              type="checkbox"
              name="confirm"
              value="yes"
              required
              aria-invalid={erasureErrors?.confirm ? true : undefined}
              aria-describedby={erasureErrors?.confirm ? 'erasure-confirm-error' : undefined}
            />
            <label htmlFor="erasure-confirm">{t('account.erasureConfirm')}</label>
          </div>
          <FieldMessage id="erasure-confirm-error" error={erasureErrors?.confirm} />
          <button type="submit" className="button-danger">
            {t('account.erasureSubmit')}
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
