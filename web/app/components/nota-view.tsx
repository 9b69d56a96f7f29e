import { useEffect, useState } from 'react';
import { formatDateTime } from '~/utils/datetime';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';

/** The nota as orders gives it (NotaSchema in fulfilment.server.ts), for the print view. */
export interface NotaData {
  cooperative: { name: string; address?: string | null };
  notaNumber: string;
  date: string;
  lines: {
    name: string;
    unit: string;
    unitPrice: number;
    quantity: number;
    lineTotal: number;
    het?: boolean;
  }[];
  subtotal: number;
  deliveryFee: number;
  total: number;
  paymentMethod: string;
  cashReceived?: number | null;
  change?: number | null;
  status: string;
}

/** "Cetak": only once JavaScript runs (without it the browser's own Print works the same). */
function PrintButton() {
  const { t } = useI18n();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" onClick={() => window.print()}>
      {t('nota.printNow')}
    </button>
  );
}

/** A printable receipt: the cooperative, the number and date, every line, the totals and the cash. */
export function NotaView({ nota, backTo, pdfHref }: { nota: NotaData; backTo: string; pdfHref: string }) {
  const { t, lang, label } = useI18n();
  return (
    <article className="nota" aria-labelledby="nota-title">
      <p className="actions-row no-print">
        <a href={backTo}>{t('nota.back')}</a>
        <PrintButton />
        <a href={pdfHref} className="button button-secondary" download>
          {t('nota.download')}
        </a>
      </p>
      <header className="nota-head">
        <p>
          <strong>{nota.cooperative.name}</strong>
          {nota.cooperative.address ? (
            <>
              <br />
              {nota.cooperative.address}
            </>
          ) : null}
        </p>
      </header>
      <h1 id="nota-title">{t('nota.title', { number: nota.notaNumber })}</h1>
      <dl className="facts">
        <dt>{t('nota.date')}</dt>
        <dd>
          <time dateTime={nota.date}>{formatDateTime(nota.date, lang)}</time>
        </dd>
        <dt>{t('nota.status')}</dt>
        <dd>{label('status', nota.status)}</dd>
      </dl>
      <table>
        <caption className="visually-hidden">{t('nota.title', { number: nota.notaNumber })}</caption>
        <thead>
          <tr>
            <th scope="col" className="nota-cell">
              {t('nota.item')}
            </th>
            <th scope="col" className="nota-cell num">
              {t('nota.qty')}
            </th>
            <th scope="col" className="nota-cell num">
              {t('nota.price')}
            </th>
            <th scope="col" className="nota-cell num">
              {t('nota.lineTotal')}
            </th>
          </tr>
        </thead>
        <tbody>
          {nota.lines.map((line, i) => (
            // Lines have no id of their own on the nota; their order is fixed.
            // biome-ignore lint/suspicious/noArrayIndexKey: the nota's lines never reorder
            <tr key={i} data-testid="nota-line">
              <th scope="row" className="nota-cell">
                {line.name}
                {line.het ? <small data-testid="nota-het">{` · ${t('product.het')}`}</small> : null}
              </th>
              <td className="nota-cell num">{`${line.quantity} ${label('unitName', line.unit)}`}</td>
              <td className="nota-cell num">{formatRupiah(line.unitPrice)}</td>
              <td className="nota-cell num">{formatRupiah(line.lineTotal)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="totals">
        <dt>{t('order.subtotal')}</dt>
        <dd>{formatRupiah(nota.subtotal)}</dd>
        {nota.deliveryFee > 0 ? (
          <>
            <dt>{t('order.deliveryFee')}</dt>
            <dd>{formatRupiah(nota.deliveryFee)}</dd>
          </>
        ) : null}
        <dt>{t('order.total')}</dt>
        <dd>
          <strong>{formatRupiah(nota.total)}</strong>
        </dd>
        <dt>{t('nota.paymentMethod')}</dt>
        <dd>{label('checkout.method', nota.paymentMethod)}</dd>
        {typeof nota.cashReceived === 'number' ? (
          <>
            <dt>{t('nota.cashReceived')}</dt>
            <dd>{formatRupiah(nota.cashReceived)}</dd>
            <dt>{t('nota.change')}</dt>
            <dd>{formatRupiah(nota.change ?? nota.cashReceived - nota.total)}</dd>
          </>
        ) : null}
      </dl>
      <p className="muted">{t('nota.thanks')}</p>
    </article>
  );
}
