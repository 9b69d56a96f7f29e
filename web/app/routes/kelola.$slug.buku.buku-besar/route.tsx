import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { BooksDownloads } from '~/components/books-downloads';
import { BooksPeriodPicker } from '~/components/books-period-picker';
import { EntryLink } from '~/components/books-tables';
import { SelectField } from '~/components/field';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { accountName, periodLabel } from '~/utils/books';
import { generalLedgerReport } from '~/utils/books.server';
import { loadReport } from '~/utils/books-report.server';
import { formatDateTime } from '~/utils/datetime';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { useStaff } from '~/utils/use-staff';

/** Kas unless the reader picks another account. */
const DEFAULT_ACCOUNT = '1-1100';

const accountOf = (request: Request) => new URL(request.url).searchParams.get('akun') || DEFAULT_ACCOUNT;

export const loader = async (args: LoaderFunctionArgs) => {
  const account = accountOf(args.request);
  const res = await loadReport(
    args,
    'buku-besar',
    (token, ctx, period) => generalLedgerReport(token, ctx.cooperativeId, period, account),
    (accounts) => (accounts.some((a) => a.code === account) ? null : { akun: 'books.errors.account' }),
  );
  return res;
};

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'books.report.buku-besar') }];

/** Buku besar: one account's entries of the period with the running balance, from its opening balance. */
export default function GeneralLedgerPage() {
  const { period, years, errors, accounts, report } = useLoaderData<typeof loader>();
  const { cooperative } = useStaff();
  const { t, lang } = useI18n();
  const account = report?.account.code ?? DEFAULT_ACCOUNT;
  const name = report ? accountName(report.account.code, accounts, lang, report.account.name) : '';
  return (
    <>
      <h1>{t('books.report.buku-besar')}</h1>
      <p className="muted">{t('books.report.buku-besar.about')}</p>
      <BooksPeriodPicker period={period} years={years} errors={errors}>
        <SelectField
          name="akun"
          id="ledger-account"
          label={t('books.account')}
          options={accounts.map((a) => ({
            value: a.code,
            label: `${a.code} ${lang === 'en' ? a.nameEn : a.name}`,
          }))}
          defaultValue={account}
          error={errors?.akun}
        />
      </BooksPeriodPicker>
      {report ? (
        <>
          <h2>
            {report.account.code} {name} · {periodLabel(period, lang)}
          </h2>
          <BooksDownloads
            slug={cooperative.slug}
            report="buku-besar"
            period={period}
            account={report.account.code}
          />
          <div className="table-scroll">
            <table data-testid="general-ledger">
              <caption className="visually-hidden">
                {t('books.report.buku-besar')} {report.account.code} {name}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('books.date')}</th>
                  <th scope="col">{t('books.entry')}</th>
                  <th scope="col" className="amount">
                    {t('books.debit')}
                  </th>
                  <th scope="col" className="amount">
                    {t('books.credit')}
                  </th>
                  <th scope="col" className="amount">
                    {t('books.balance')}
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td />
                  <th scope="row">{t('books.ledger.opening')}</th>
                  <td />
                  <td />
                  <td className="amount">{formatRupiah(report.opening)}</td>
                </tr>
                {report.rows.map((r) => (
                  <tr key={r.entryId}>
                    <td>{formatDateTime(r.occurredAt, lang)}</td>
                    <th scope="row">
                      <EntryLink slug={cooperative.slug} entryId={r.entryId}>
                        {r.memo}
                      </EntryLink>
                    </th>
                    <td className="amount">{r.debit > 0 ? formatRupiah(r.debit) : ''}</td>
                    <td className="amount">{r.credit > 0 ? formatRupiah(r.credit) : ''}</td>
                    <td className="amount">{formatRupiah(r.balance)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={4}>
                    {t('books.ledger.closing')}
                  </th>
                  <td className="amount">{formatRupiah(report.closing)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          {report.rows.length === 0 ? <p>{t('books.ledger.empty')}</p> : null}
        </>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
