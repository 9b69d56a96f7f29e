import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { TextField } from '~/components/field';
import { FlashNotice } from '~/components/flash-notice';
import { FormErrors } from '~/components/form-errors';
import { ProductImage } from '~/components/product-card';
import { ApproveOrRefuse } from '~/components/reason-form';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formAction } from '~/utils/action.server';
import { changeValue } from '~/utils/changes';
import { formatDateTime } from '~/utils/datetime';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { loadModeration, moderationAction } from './moderation.server';

export const loader = (args: LoaderFunctionArgs) => loadModeration(args);
export const action = formAction((args: ActionFunctionArgs) => moderationAction(args));

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'staff.moderation.title') }];

export default function ModerationPage() {
  const { reviews, threshold, canDecide, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, lang, label } = useI18n();
  const errorsFor = (target: string) => (actionData?.target === target ? actionData.errors : undefined);
  return (
    <>
      <h1>{t('staff.moderation.title')}</h1>
      <FlashNotice notice={notice} />
      <section aria-labelledby="queue-title">
        <h2 id="queue-title">{t('staff.moderation.queue', { count: reviews.length })}</h2>
        {reviews.length === 0 ? (
          <p>{t('staff.moderation.empty')}</p>
        ) : (
          <ul className="card-list">
            {reviews.map((r) => (
              <li key={r.productId} className="card" data-testid="review">
                <div className="review-head">
                  <ProductImage product={r} size={96} />
                  <div className="product-card-body">
                    <h3>{r.name}</h3>
                    <p>
                      <span className="badge badge-info">{t(`staff.moderation.kind.${r.kind}`)}</span>{' '}
                      <span className="muted">{formatDateTime(r.requestedAt, lang)}</span>
                    </p>
                    <p className="muted">
                      {r.shopName ?? t('staff.moderation.cooperative')} · {label('category', r.category)} ·{' '}
                      {formatRupiah(r.price)} {label('unit', r.unit)}
                    </p>
                  </div>
                </div>
                {r.kind === 'listing' && r.description ? <p>{r.description}</p> : null}
                {r.diff.length > 0 ? (
                  <div className="table-scroll">
                    <table data-testid="review-diff">
                      <caption className="visually-hidden">{t('staff.moderation.diff')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('staff.moderation.field')}</th>
                          <th scope="col">{t('staff.moderation.before')}</th>
                          <th scope="col">{t('staff.moderation.after')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {r.diff.map((d) => (
                          <tr key={d.field}>
                            <th scope="row">{label('listingField', d.field)}</th>
                            <td>{changeValue(d.field, d.before)}</td>
                            <td>{changeValue(d.field, d.after)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : null}
                <FormErrors errors={errorsFor(r.productId)} />
                {canDecide ? (
                  <ApproveOrRefuse
                    hidden={{ productId: r.productId, name: r.name }}
                    approve={{
                      intent: 'approve',
                      button: t('staff.moderation.approve'),
                      label: t('staff.moderation.approveFor', { name: r.name }),
                    }}
                    refuse={{
                      intent: 'reject',
                      button: t('staff.moderation.reject'),
                      label: t('staff.moderation.rejectFor', { name: r.name }),
                      reasonLabel: t('staff.moderation.rejectReason'),
                      id: `reject-${r.productId}`,
                    }}
                    errors={errorsFor(r.productId)}
                    reasonValue={actionData?.values.reason}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="threshold-title">
        <h2 id="threshold-title">{t('staff.moderation.thresholdTitle')}</h2>
        <p className="muted">{t('staff.moderation.thresholdHelp', { percent: threshold })}</p>
        {canDecide ? (
          <Form method="post" noValidate className="filters-inline">
            <input type="hidden" name="intent" value="threshold" />
            <FormErrors errors={errorsFor('threshold')} />
            <TextField
              name="priceReviewThresholdPercent"
              label={t('staff.moderation.threshold')}
              inputMode="numeric"
              autoComplete="off"
              required
              defaultValue={
                errorsFor('threshold') ? actionData?.values.priceReviewThresholdPercent : String(threshold)
              }
              error={errorsFor('threshold')?.priceReviewThresholdPercent}
            />
            <button type="submit">{t('staff.moderation.saveThreshold')}</button>
          </Form>
        ) : null}
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
