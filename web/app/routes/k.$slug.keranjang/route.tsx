import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { FieldMessage } from '~/components/field';
import { FlashNotice } from '~/components/flash-notice';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formAction } from '~/utils/action.server';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { useMarket } from '~/utils/use-market';
import { CartLineRow } from './cart-line-row';
import { changeCartLine, loadCartPage } from './cart.server';

export const loader = (args: LoaderFunctionArgs) => loadCartPage(args);
export const action = formAction((args: ActionFunctionArgs) => changeCartLine(args));

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'cart.title') }];

export default function CartPage() {
  const { cart, stock, notice } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>()?.failure;
  const market = useMarket();
  const { t } = useI18n();
  const base = `/k/${market.slug}`;
  const lines = cart?.lines ?? [];
  const lineError = (productId: string) => (failure?.productId === productId ? failure.error : undefined);
  const orphanError =
    failure && !lines.some((l) => l.productId === failure.productId) ? failure.error : undefined;
  return (
    <>
      <h1>{t('cart.title')}</h1>
      <FlashNotice notice={notice} />
      <FieldMessage id="cart-error" error={orphanError} />
      {!cart || lines.length === 0 ? (
        <p>
          {t('cart.empty')}{' '}
          <Link to={base} className="button">
            {t('cart.browse')}
          </Link>
        </p>
      ) : (
        <>
          <ul className="cart-lines" aria-label={t('cart.title')}>
            {lines.map((line) => (
              <CartLineRow
                key={line.productId}
                slug={market.slug}
                line={line}
                stock={stock[line.productId]}
                error={lineError(line.productId)}
              />
            ))}
          </ul>
          <dl className="totals">
            <dt>{t('cart.subtotal')}</dt>
            <dd data-testid="cart-subtotal">
              {formatRupiah(cart.subtotal)}{' '}
              <span className="muted">({t('cart.items', { count: cart.itemCount })})</span>
            </dd>
          </dl>
          <p className="actions">
            <Link to={`${base}/checkout`} className="button button-primary">
              {t('cart.checkout')}
            </Link>
            <Link to={base} className="button button-secondary">
              {t('cart.continue')}
            </Link>
          </p>
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
