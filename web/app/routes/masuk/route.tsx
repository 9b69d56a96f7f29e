import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { TextField } from '~/components/field';
import { FormErrors } from '~/components/form-errors';
import { Notice } from '~/components/notice';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formAction } from '~/utils/action.server';
import { pageTitle } from '~/utils/meta';
import { useI18n } from '~/utils/use-i18n';
import { loadSignIn, signInAction } from './sign-in.server';

export const loader = (args: LoaderFunctionArgs) => loadSignIn(args);
export const action = formAction((args: ActionFunctionArgs) => signInAction(args));

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'signIn.title') },
  { name: 'robots', content: 'noindex' },
];

export default function SignInPage() {
  const { redirectTo, expired, message } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = actionData?.errors;
  return (
    <section className="narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      {expired ? <Notice tone="info">{t('auth.sessionExpired')}</Notice> : null}
      {message ? <Notice>{t(message)}</Notice> : null}
      <p className="lead">{t('signIn.intro')}</p>
      <Form method="post" noValidate>
        <FormErrors errors={errors} />
        <input type="hidden" name="redirectTo" value={actionData?.redirectTo ?? redirectTo} />
        <TextField
          name="phone"
          type="tel"
          inputMode="tel"
          label={t('signIn.phone')}
          autoComplete="username"
          required
          defaultValue={actionData?.values.phone}
          error={errors?.phone}
        />
        <TextField
          name="password"
          type="password"
          label={t('signIn.password')}
          autoComplete="current-password"
          required
          error={errors?.password}
        />
        <button type="submit" className="button-block">
          {t('signIn.submit')}
        </button>
      </Form>
      <p>
        <Link to="/atur-sandi">{t('signIn.setPassword')}</Link>
      </p>
    </section>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
