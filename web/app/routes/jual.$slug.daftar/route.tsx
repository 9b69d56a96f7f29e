import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { FieldMessage, TextAreaField, TextField } from '~/components/field';
import { FlashNotice } from '~/components/flash-notice';
import { FormErrors } from '~/components/form-errors';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formAction } from '~/utils/action.server';
import { formatDateTime } from '~/utils/datetime';
import { pageTitle } from '~/utils/meta';
import { HANDOFFS } from '~/utils/sellers';
import { useI18n } from '~/utils/use-i18n';
import { applicationAction, loadApplication } from './application.server';

export const loader = (args: LoaderFunctionArgs) => loadApplication(args);
export const action = formAction((args: ActionFunctionArgs) => applicationAction(args));

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'sell.apply.title') }];

export default function ApplicationPage() {
  const { applications, isSeller, canApply, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, lang } = useI18n();
  const errors = actionData?.errors;
  return (
    <>
      <h1>{t('sell.apply.title')}</h1>
      <FlashNotice notice={notice} />
      {isSeller ? (
        <p>
          {t('sell.apply.youSell')} <Link to="..">{t('sell.section.listings')}</Link>
        </p>
      ) : null}
      {applications.length > 0 ? (
        <section aria-labelledby="my-applications">
          <h2 id="my-applications">{t('sell.apply.mine')}</h2>
          <ul className="card-list">
            {applications.map((a) => (
              <li key={a.applicationId} className="card" data-testid="application">
                <h3>{a.shopName}</h3>
                <p>
                  <span className={`badge badge-${a.status === 'declined' ? 'soldout' : 'info'}`}>
                    {t(`sell.apply.status.${a.status}`)}
                  </span>{' '}
                  <span className="muted">{formatDateTime(a.submittedAt, lang)}</span>
                </p>
                {a.status === 'declined' && a.declineReason ? (
                  <p>
                    {t('sell.apply.declineReason')} {a.declineReason}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {canApply ? (
        <section aria-labelledby="apply-form">
          <h2 id="apply-form">{t('sell.apply.formTitle')}</h2>
          <p className="muted">{t('sell.apply.help')}</p>
          <FormErrors errors={errors} />
          <Form method="post" noValidate>
            <TextField
              name="shopName"
              label={t('sell.apply.shopName')}
              hint={t('sell.apply.shopNameHint')}
              required
              minLength={2}
              maxLength={80}
              defaultValue={actionData?.values.shopName}
              error={errors?.shopName}
            />
            <TextAreaField
              name="description"
              label={t('sell.apply.description')}
              hint={t('sell.apply.descriptionHint')}
              maxLength={500}
              rows={3}
              defaultValue={actionData?.values.description}
              error={errors?.description}
            />
            <fieldset className="field" aria-describedby={errors?.handoff ? 'handoff-error' : undefined}>
              <legend>{t('sell.apply.handoff')}</legend>
              {HANDOFFS.map((h) => (
                <div className="field-check" key={h}>
                  <input
                    type="radio"
                    id={`handoff-${h}`}
                    name="handoff"
                    value={h}
                    defaultChecked={(actionData?.values.handoff ?? 'drop_off') === h}
                  />
                  <label htmlFor={`handoff-${h}`}>{t(`sell.handoff.${h}`)}</label>
                </div>
              ))}
              <FieldMessage id="handoff-error" error={errors?.handoff} />
            </fieldset>
            <button type="submit">{t('sell.apply.submit')}</button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
