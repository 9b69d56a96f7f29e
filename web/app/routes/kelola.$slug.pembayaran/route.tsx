import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { TextField } from '~/components/field';
import { FlashNotice } from '~/components/flash-notice';
import { FormErrors } from '~/components/form-errors';
import { Notice } from '~/components/notice';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formAction } from '~/utils/action.server';
import { formatDateTime, formatDay } from '~/utils/datetime';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { useStaff } from '~/utils/use-staff';
import { loadPayments, paymentsAction } from './payments.server';

export const loader = (args: LoaderFunctionArgs) => loadPayments(args);
export const action = formAction((args: ActionFunctionArgs) => paymentsAction(args));

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'staff.payments.title') }];

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;
type Task = PageData['tasks'][number];
type ReconcileState = NonNullable<PageData['reconciliation']>;

function RefundTask({ task, canMarkDone }: { task: Task; canMarkDone: boolean }) {
  const actionData = useActionData<typeof action>();
  const { cooperative } = useStaff();
  const { t, lang } = useI18n();
  const mine = actionData?.paymentId === task.paymentId ? actionData : undefined;
  const noteId = `note-${task.paymentId}`;
  return (
    <li className="card" data-testid="refund-task">
      <h3>
        <Link to={`/kelola/${cooperative.slug}/pesanan/${task.orderId}`}>
          {t('staff.refunds.order')} {task.orderId}
        </Link>
      </h3>
      <dl className="facts">
        <dt>{t('staff.refunds.amount')}</dt>
        <dd>{formatRupiah(task.amount)}</dd>
        <dt>{t('staff.refunds.reason')}</dt>
        <dd>{task.reason ? t(`payment.refundReason.${task.reason}`) : '—'}</dd>
        <dt>{t('staff.refunds.va')}</dt>
        <dd>{task.vaNumber ? <code>{task.vaNumber}</code> : '—'}</dd>
        <dt>{t('staff.refunds.since')}</dt>
        <dd>{formatDateTime(task.since, lang)}</dd>
      </dl>
      {canMarkDone ? (
        <Form method="post" noValidate aria-label={t('staff.refunds.markDoneFor', { order: task.orderId })}>
          <input type="hidden" name="intent" value="refund-done" />
          <input type="hidden" name="paymentId" value={task.paymentId} />
          <input type="hidden" name="orderId" value={task.orderId} />
          <TextField
            id={noteId}
            name="note"
            label={t('staff.refunds.note')}
            hint={t('staff.refunds.noteHint')}
            autoComplete="off"
            required
            minLength={3}
            maxLength={500}
            defaultValue={mine?.values.note}
            error={mine?.errors.note}
          />
          <button type="submit">{t('staff.refunds.markDone')}</button>
        </Form>
      ) : null}
    </li>
  );
}

function ReconciliationSection({ state }: { state: ReconcileState }) {
  const { cooperative } = useStaff();
  const { t, lang } = useI18n();
  const { report, asked, values, errors } = state;
  const orderLink = (orderId: string) => (
    <Link to={`/kelola/${cooperative.slug}/pesanan/${orderId}`}>{orderId}</Link>
  );
  return (
    <section aria-labelledby="recon-title">
      <h2 id="recon-title">{t('staff.recon.title')}</h2>
      <p className="muted">{t('staff.recon.help')}</p>
      <Form method="get" noValidate className="filters-inline">
        <TextField
          id="recon-from"
          name="from"
          type="date"
          label={t('staff.recon.from')}
          required
          defaultValue={values.from}
          error={errors.from}
        />
        <TextField
          id="recon-to"
          name="to"
          type="date"
          label={t('staff.recon.to')}
          defaultValue={values.to}
          error={errors.to}
        />
        <button type="submit">{t('staff.recon.submit')}</button>
      </Form>
      {report && asked ? (
        <div aria-live="polite" data-testid="reconciliation">
          <h3>
            {asked.to
              ? t('staff.recon.resultRange', {
                  from: formatDay(asked.from, lang),
                  to: formatDay(asked.to, lang),
                })
              : t('staff.recon.resultDay', { from: formatDay(asked.from, lang) })}
          </h3>
          <p>{t('staff.recon.checked', { count: report.checked })}</p>
          {report.mismatches.length === 0 ? (
            <Notice>{t('staff.recon.clean')}</Notice>
          ) : (
            <>
              <Notice tone="error">{t('staff.recon.found', { count: report.mismatches.length })}</Notice>
              <div className="table-scroll">
                <table>
                  <caption className="visually-hidden">{t('staff.recon.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('staff.recon.kind')}</th>
                      <th scope="col">{t('staff.recon.order')}</th>
                      <th scope="col">{t('staff.recon.detail')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.mismatches.map((m) => (
                      <tr key={`${m.paymentId}-${m.kind}`} data-testid="mismatch">
                        <th scope="row">{t(`mismatch.${m.kind}`)}</th>
                        <td>
                          {orderLink(m.orderId)}
                          <br />
                          <span className="muted">{m.paymentId}</span>
                        </td>
                        <td>
                          <span className="muted">{m.detail}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          {report.unreachable.length > 0 ? (
            <>
              <h3>{t('staff.recon.unreachableTitle')}</h3>
              <p className="muted">{t('staff.recon.unreachableHelp')}</p>
              <div className="table-scroll">
                <table>
                  <caption className="visually-hidden">{t('staff.recon.unreachableTitle')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('staff.recon.order')}</th>
                      <th scope="col">{t('staff.recon.payment')}</th>
                      <th scope="col">{t('staff.recon.error')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.unreachable.map((u) => (
                      <tr key={u.paymentId} data-testid="unreachable">
                        <th scope="row">{orderLink(u.orderId)}</th>
                        <td>{u.paymentId}</td>
                        <td>
                          <span className="muted">{u.error}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

export default function PaymentsPage() {
  const { tasks, canMarkDone, canReconcile, reconciliation, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <h1>{t('staff.payments.title')}</h1>
      <FlashNotice notice={notice} />
      {actionData?.errors.form ? <FormErrors errors={{ form: actionData.errors.form }} /> : null}
      <section aria-labelledby="refunds-title">
        <h2 id="refunds-title">{t('staff.refunds.title')}</h2>
        <p className="muted">{t('staff.refunds.help')}</p>
        {canMarkDone ? null : <p className="muted">{t('staff.refunds.readOnly')}</p>}
        {tasks.length === 0 ? (
          <p>{t('staff.refunds.empty')}</p>
        ) : (
          <ul className="card-list">
            {tasks.map((task) => (
              <RefundTask key={task.paymentId} task={task} canMarkDone={canMarkDone} />
            ))}
          </ul>
        )}
      </section>
      {canReconcile && reconciliation ? <ReconciliationSection state={reconciliation} /> : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
