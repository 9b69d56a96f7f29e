import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { type Account, accountName, type BalanceRow } from '~/utils/books';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';

/** Accounts with their balance (laba rugi, neraca): code, name, amount, and the total in the footer. */
export function BalanceTable({
  caption,
  rows,
  accounts,
  total,
  totalLabel,
  extra,
  testId,
}: {
  caption: string;
  rows: readonly BalanceRow[];
  accounts: readonly Account[];
  total: number;
  totalLabel: string;
  /** Rows after the accounts (the unclosed SHU in the neraca's equity). */
  extra?: ReactNode;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="table-scroll">
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('books.account.code')}</th>
            <th scope="col">{t('books.account.name')}</th>
            <th scope="col" className="amount">
              {t('books.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && !extra ? (
            <tr>
              <td colSpan={3}>{t('books.noRows')}</td>
            </tr>
          ) : null}
          {rows.map((r) => (
            <tr key={r.code}>
              <td>{r.code}</td>
              <th scope="row">{accountName(r.code, accounts, lang, r.name)}</th>
              <td className="amount">{formatRupiah(r.balance)}</td>
            </tr>
          ))}
          {extra}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {totalLabel}
            </th>
            <td className="amount">{formatRupiah(total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The lines of one entry: account, debit, credit. */
export function EntryLines({
  caption,
  lines,
  accounts,
}: {
  caption: string;
  lines: readonly { account: string; debit: number; credit: number; accountName?: string }[];
  accounts: readonly Account[];
}) {
  const { t, lang } = useI18n();
  const debit = lines.reduce((s, l) => s + l.debit, 0);
  const credit = lines.reduce((s, l) => s + l.credit, 0);
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('books.account')}</th>
            <th scope="col" className="amount">
              {t('books.debit')}
            </th>
            <th scope="col" className="amount">
              {t('books.credit')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: an entry may hold one account twice; the order is fixed.
            <tr key={`${l.account}-${i}`}>
              <th scope="row">
                {l.account} {accountName(l.account, accounts, lang, l.accountName ?? l.account)}
              </th>
              <td className="amount">{l.debit > 0 ? formatRupiah(l.debit) : ''}</td>
              <td className="amount">{l.credit > 0 ? formatRupiah(l.credit) : ''}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('books.total')}</th>
            <td className="amount">{formatRupiah(debit)}</td>
            <td className="amount">{formatRupiah(credit)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** An entry's id as a link to its page (where the bendahara may reverse it). */
export function EntryLink({
  slug,
  entryId,
  children,
}: {
  slug: string;
  entryId: string;
  children?: ReactNode;
}) {
  return <Link to={`/kelola/${slug}/jurnal/${encodeURIComponent(entryId)}`}>{children ?? entryId}</Link>;
}
