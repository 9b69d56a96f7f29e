import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { FlashNotice } from '~/components/flash-notice';
import { FormErrors } from '~/components/form-errors';
import { ApproveOrRefuse, DecisionForm } from '~/components/reason-form';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formAction } from '~/utils/action.server';
import { formatDateTime } from '~/utils/datetime';
import { pageTitle } from '~/utils/meta';
import { useI18n } from '~/utils/use-i18n';
import { loadSellers, sellersAction } from './sellers.server';

export const loader = (args: LoaderFunctionArgs) => loadSellers(args);
export const action = formAction((args: ActionFunctionArgs) => sellersAction(args));

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'staff.sellers.title') }];

export default function StaffSellersPage() {
  const { applications, sellers, canDecide, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, lang } = useI18n();
  const errorsFor = (target: string) => (actionData?.target === target ? actionData.errors : undefined);
  return (
    <>
      <h1>{t('staff.sellers.title')}</h1>
      <FlashNotice notice={notice} />
      <section aria-labelledby="applications-title">
        <h2 id="applications-title">{t('staff.sellers.applications', { count: applications.length })}</h2>
        {applications.length === 0 ? (
          <p>{t('staff.sellers.noApplications')}</p>
        ) : (
          <ul className="card-list">
            {applications.map((a) => (
              <li key={a.applicationId} className="card" data-testid="seller-application">
                <h3>{a.shopName}</h3>
                <p>{a.description}</p>
                <dl className="facts">
                  <dt>{t('staff.sellers.member')}</dt>
                  <dd>{a.memberId}</dd>
                  <dt>{t('sell.apply.handoff')}</dt>
                  <dd>{t(`sell.handoff.${a.handoff}`)}</dd>
                  <dt>{t('staff.sellers.submitted')}</dt>
                  <dd>{formatDateTime(a.submittedAt, lang)}</dd>
                </dl>
                <FormErrors errors={errorsFor(a.applicationId)} />
                {canDecide ? (
                  <ApproveOrRefuse
                    hidden={{ applicationId: a.applicationId, shopName: a.shopName }}
                    approve={{
                      intent: 'approve',
                      button: t('staff.sellers.approve'),
                      label: t('staff.sellers.approveFor', { shop: a.shopName }),
                    }}
                    refuse={{
                      intent: 'decline',
                      button: t('staff.sellers.decline'),
                      label: t('staff.sellers.declineFor', { shop: a.shopName }),
                      reasonLabel: t('staff.sellers.declineReason'),
                      id: `decline-${a.applicationId}`,
                    }}
                    errors={errorsFor(a.applicationId)}
                    reasonValue={actionData?.values.reason}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="registry-title">
        <h2 id="registry-title">{t('staff.sellers.registry', { count: sellers.length })}</h2>
        {sellers.length === 0 ? (
          <p>{t('staff.sellers.noSellers')}</p>
        ) : (
          <ul className="card-list">
            {sellers.map((s) => (
              <li key={s.sellerId} className="card" data-testid="seller">
                <h3>{s.shopName}</h3>
                <p>
                  <span className={`badge ${s.status === 'active' ? 'badge-instock' : 'badge-soldout'}`}>
                    {t(`staff.sellers.status.${s.status}`)}
                  </span>{' '}
                  <span className="muted">{s.sellerId}</span>
                </p>
                {s.status === 'suspended' && s.suspensionReason ? (
                  <p>
                    {t('staff.sellers.suspendedBecause')} {s.suspensionReason}
                  </p>
                ) : null}
                <FormErrors errors={errorsFor(s.sellerId)} />
                {canDecide ? (
                  s.status === 'active' ? (
                    <DecisionForm
                      intent="suspend"
                      hidden={{ sellerId: s.sellerId, shopName: s.shopName }}
                      button={t('staff.sellers.suspend')}
                      label={t('staff.sellers.suspendFor', { shop: s.shopName })}
                      reason={{
                        id: `suspend-${s.sellerId}`,
                        label: t('staff.sellers.suspendReason'),
                        hint: t('staff.sellers.suspendHint'),
                        defaultValue: errorsFor(s.sellerId) ? actionData?.values.reason : undefined,
                      }}
                      errors={errorsFor(s.sellerId)}
                      secondary
                    />
                  ) : (
                    <DecisionForm
                      intent="reinstate"
                      hidden={{ sellerId: s.sellerId, shopName: s.shopName }}
                      button={t('staff.sellers.reinstate')}
                      label={t('staff.sellers.reinstateFor', { shop: s.shopName })}
                    />
                  )
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
