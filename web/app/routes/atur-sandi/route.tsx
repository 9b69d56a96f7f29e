import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { TextField } from '~/components/field';
import { FormErrors } from '~/components/form-errors';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formAction } from '~/utils/action.server';
import { pageTitle } from '~/utils/meta';
import { useI18n } from '~/utils/use-i18n';
import { setPasswordAction } from './set-password.server';

export const action = formAction((args: ActionFunctionArgs) => setPasswordAction(args));

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'setPassword.title') },
  { name: 'robots', content: 'noindex' },
];

export default function SetPasswordPage() {
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = actionData?.errors;
  return (
    <section className="narrow" aria-labelledby="set-password-title">
      <h1 id="set-password-title">{t('setPassword.title')}</h1>
      <p className="lead">{t('setPassword.intro')}</p>
      <Form method="post" noValidate>
        <FormErrors errors={errors} />
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
          name="code"
          label={t('setPassword.code')}
          autoComplete="one-time-code"
          autoCapitalize="characters"
          required
          defaultValue={actionData?.values.code}
          error={errors?.code}
        />
        <TextField
          name="newPassword"
          type="password"
          label={t('setPassword.newPassword')}
          hint={t('setPassword.newPasswordHint')}
          autoComplete="new-password"
          required
          minLength={8}
          error={errors?.newPassword}
        />
        <TextField
          name="confirmPassword"
          type="password"
          label={t('setPassword.confirm')}
          autoComplete="new-password"
          required
          error={errors?.confirmPassword}
        />
        <button type="submit" className="button-block">
          {t('setPassword.submit')}
        </button>
      </Form>
    </section>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
