import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { SelectField, TextField } from '~/components/field';
import { FlashNotice } from '~/components/flash-notice';
import { FormErrors } from '~/components/form-errors';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formAction } from '~/utils/action.server';
import { formatDay } from '~/utils/datetime';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { useStaff } from '~/utils/use-staff';
import { loadShu, shuAction } from './shu.server';

export const loader = (args: LoaderFunctionArgs) => loadShu(args);
export const action = formAction((args: ActionFunctionArgs) => shuAction(args));

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'staff.shu.title') }];

/** The pools in the bylaws' order (the ledger's). */
const POOLS = [
  'cadangan',
  'jasaModal',
  'jasaUsaha',
  'danaPengurus',
  'danaKaryawan',
  'danaPendidikan',
  'danaSosial',
  'danaPembangunanDaerahKerja',
] as const;
const percent = (bps: number) => String(bps / 100).replace('.', ',');

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;
type Run = NonNullable<PageData['run']>;

function useMine(intent: string) {
  const actionData = useActionData<typeof action>();
  return actionData && actionData.intent === intent ? actionData : undefined;
}

function AllocationForm({ allocation, canEdit }: { allocation: PageData['allocation']; canEdit: boolean }) {
  const { t } = useI18n();
  const mine = useMine('allocation');
  return (
    <section aria-labelledby="allocation-title">
      <h2 id="allocation-title">{t('staff.shu.allocation')}</h2>
      <p className="muted">{t('staff.shu.allocationHelp')}</p>
      {canEdit ? (
        <Form method="post" noValidate aria-label={t('staff.shu.allocation')}>
          <input type="hidden" name="intent" value="allocation" />
          <FormErrors errors={mine?.errors} />
          {POOLS.map((pool) => (
            <TextField
              key={pool}
              id={`allocation-${pool}`}
              name={pool}
              label={t(`staff.shu.pool.${pool}`)}
              hint={t('staff.shu.percentHint')}
              inputMode="decimal"
              autoComplete="off"
              required
              defaultValue={mine?.values[pool] ?? (allocation ? percent(allocation[pool]) : '')}
              error={mine?.errors[pool]}
            />
          ))}
          <button type="submit">{t('staff.shu.saveAllocation')}</button>
        </Form>
      ) : allocation ? (
        <dl className="facts">
          {POOLS.map((pool) => (
            <div key={pool}>
              <dt>{t(`staff.shu.pool.${pool}`)}</dt>
              <dd>{percent(allocation[pool])} %</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>{t('staff.shu.noAllocation')}</p>
      )}
    </section>
  );
}

function Pools({ run }: { run: Run }) {
  const { t } = useI18n();
  return (
    <div className="table-scroll">
      <table data-testid="shu-pools">
        <caption>{t('staff.shu.pools')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.shu.pool')}</th>
            <th scope="col">{t('staff.shu.percent')}</th>
            <th scope="col">{t('staff.shu.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {POOLS.map((pool) => (
            <tr key={pool}>
              <th scope="row">{t(`staff.shu.pool.${pool}`)}</th>
              <td>{percent(run.allocation[pool])} %</td>
              <td className="amount">{formatRupiah(run.pools[pool])}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('staff.shu.shu')}</th>
            <td>100 %</td>
            <td className="amount">{formatRupiah(run.shu)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function Members({ run }: { run: Run }) {
  const { t } = useI18n();
  if (run.members.length === 0) return <p>{t('staff.shu.noMembers')}</p>;
  return (
    <div className="table-scroll">
      <table data-testid="shu-members">
        <caption>{t('staff.shu.members')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.shu.member')}</th>
            <th scope="col">{t('staff.shu.savings')}</th>
            <th scope="col">{t('staff.shu.transactions')}</th>
            <th scope="col">{t('staff.shu.jasaModal')}</th>
            <th scope="col">{t('staff.shu.jasaUsaha')}</th>
            <th scope="col">{t('staff.shu.total')}</th>
          </tr>
        </thead>
        <tbody>
          {run.members.map((m) => (
            <tr key={m.memberId} data-testid="shu-member">
              <th scope="row">
                {m.displayName}
                <br />
                <span className="muted">{m.memberId}</span>
              </th>
              <td className="amount">{formatRupiah(m.savings)}</td>
              <td className="amount">{formatRupiah(m.transactions)}</td>
              <td className="amount">{formatRupiah(m.jasaModal)}</td>
              <td className="amount">{formatRupiah(m.jasaUsaha)}</td>
              <td className="amount">
                <strong>{formatRupiah(m.total)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('staff.shu.membersCount', { count: run.totals.members })}</th>
            <td className="amount">{formatRupiah(run.totals.savings)}</td>
            <td className="amount">{formatRupiah(run.totals.transactions)}</td>
            <td className="amount">{formatRupiah(run.totals.jasaModal)}</td>
            <td className="amount">{formatRupiah(run.totals.jasaUsaha)}</td>
            <td className="amount">{formatRupiah(run.totals.jasaModal + run.totals.jasaUsaha)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function Steps({ run, data }: { run: Run; data: PageData }) {
  const { t } = useI18n();
  const approveErrors = useMine('approve');
  const distributeErrors = useMine('distribute');
  const query = `?tahun=${data.year}`;
  if (run.status === 'draft' && run.loss) return <p className="notice">{t('staff.shu.lossNote')}</p>;
  if (run.status === 'draft' && data.canDecide)
    return (
      <Form method="post" action={query} noValidate aria-label={t('staff.shu.approve')}>
        <input type="hidden" name="intent" value="approve" />
        <FormErrors errors={approveErrors?.errors} />
        <TextField
          name="ratDate"
          id="shu-rat-date"
          type="date"
          label={t('staff.shu.ratDate')}
          hint={t('staff.shu.ratDateHint', { year: String(data.year) })}
          required
          min={`${data.year + 1}-01-01`}
          max={data.today}
          defaultValue={approveErrors?.values.ratDate ?? ''}
          error={approveErrors?.errors.ratDate}
        />
        <button type="submit">{t('staff.shu.approve')}</button>
      </Form>
    );
  if (run.status === 'approved' && data.canDistribute)
    return (
      <Form method="post" action={query} noValidate aria-label={t('staff.shu.distribute')}>
        <input type="hidden" name="intent" value="distribute" />
        <FormErrors errors={distributeErrors?.errors} />
        <p>
          {t('staff.shu.distributeHelp', {
            amount: formatRupiah(run.totals.jasaModal + run.totals.jasaUsaha),
          })}
        </p>
        <SelectField
          name="to"
          id="shu-distribute-to"
          label={t('staff.shu.distributeTo')}
          options={(['sukarela', 'cash', 'transfer'] as const).map((to) => ({
            value: to,
            label: t(`staff.shu.to.${to}`),
          }))}
          defaultValue={distributeErrors?.values.to || 'sukarela'}
          error={distributeErrors?.errors.to}
        />
        <button type="submit">{t('staff.shu.distribute')}</button>
      </Form>
    );
  return null;
}

export default function ShuPage() {
  const data = useLoaderData<typeof loader>();
  const { year, run, years, allocation, canDraft, canDecide, notice } = data;
  const { cooperative } = useStaff();
  const { t, lang } = useI18n();
  const draftErrors = useMine('draft');
  const download = (format: 'pdf' | 'csv') =>
    `/kelola/${cooperative.slug}/shu/unduh?${new URLSearchParams({ tahun: String(year), format })}`;
  return (
    <>
      <h1>{t('staff.shu.title')}</h1>
      <FlashNotice notice={notice} />
      <p className="muted">{t('staff.shu.intro')}</p>

      <Form method="get" className="filters-inline" aria-label={t('staff.shu.chooseYear')}>
        <TextField
          name="tahun"
          id="shu-year"
          type="number"
          inputMode="numeric"
          min={2000}
          max={2100}
          label={t('staff.shu.year')}
          defaultValue={String(year)}
        />
        <button type="submit">{t('staff.shu.show')}</button>
      </Form>
      {years.length > 0 ? (
        <p>
          {t('staff.shu.knownYears')}{' '}
          {years.map((y, i) => (
            <span key={y.year}>
              {i > 0 ? ', ' : ''}
              <a href={`?tahun=${y.year}`}>{y.year}</a> ({t(`staff.shu.status.${y.status}`)})
            </span>
          ))}
        </p>
      ) : null}

      <section aria-labelledby="run-title">
        <h2 id="run-title">{t('staff.shu.runOf', { year: String(year) })}</h2>
        {canDraft && (!run || run.status === 'draft') ? (
          <Form method="post" action={`?tahun=${year}`} noValidate aria-label={t('staff.shu.compute')}>
            <input type="hidden" name="intent" value="draft" />
            <FormErrors errors={draftErrors?.errors} />
            <p className="muted">{t('staff.shu.computeHelp')}</p>
            <button type="submit">{run ? t('staff.shu.recompute') : t('staff.shu.compute')}</button>
          </Form>
        ) : null}
        {run ? (
          <>
            <dl className="facts" data-testid="shu-run">
              <dt>{t('staff.shu.statusLabel')}</dt>
              <dd data-testid="shu-status">{t(`staff.shu.status.${run.status}`)}</dd>
              {run.ratDate ? (
                <>
                  <dt>{t('staff.shu.ratDate')}</dt>
                  <dd>{formatDay(run.ratDate, lang)}</dd>
                </>
              ) : null}
              <dt>{t('staff.shu.income')}</dt>
              <dd>{formatRupiah(run.income)}</dd>
              <dt>{t('staff.shu.expenses')}</dt>
              <dd>{formatRupiah(run.expenses)}</dd>
              <dt>{t('staff.shu.shu')}</dt>
              <dd>
                <strong data-testid="shu-amount">{formatRupiah(run.shu)}</strong>
              </dd>
              {run.distribution ? (
                <>
                  <dt>{t('staff.shu.distributedTo')}</dt>
                  <dd>
                    {t(`staff.shu.to.${run.distribution.to}`)} · {formatRupiah(run.distribution.total)}
                  </dd>
                </>
              ) : null}
            </dl>
            <p className="actions">
              <a className="button button-secondary" href={download('pdf')} download>
                {t('staff.shu.downloadPdf')}
              </a>
              <a className="button button-secondary" href={download('csv')} download>
                {t('staff.shu.downloadCsv')}
              </a>
            </p>
            <Steps run={run} data={data} />
            <Pools run={run} />
            <Members run={run} />
            <p className="muted">{t('staff.shu.roundingNote')}</p>
            {run.unshared.jasaModal + run.unshared.jasaUsaha > 0 ? (
              <p className="muted">
                {t('staff.shu.unshared', {
                  amount: formatRupiah(run.unshared.jasaModal + run.unshared.jasaUsaha),
                })}
              </p>
            ) : null}
          </>
        ) : (
          <p>{t('staff.shu.noRun', { year: String(year) })}</p>
        )}
      </section>

      <AllocationForm allocation={allocation} canEdit={canDecide} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
