import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formAction } from '~/utils/action.server';
import { pageTitle } from '~/utils/meta';
import { useI18n } from '~/utils/use-i18n';
import { useMarket } from '~/utils/use-market';
import { CheckoutForm } from './checkout-form';
import { loadCheckout, submitCheckout } from './checkout.server';
import { OrderSummary } from './order-summary';

export const loader = (args: LoaderFunctionArgs) => loadCheckout(args);
export const action = formAction((args: ActionFunctionArgs) => submitCheckout(args));

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'checkout.title') }];

export default function CheckoutPage() {
  const { cart, paymentMethods, limitedProducts, idempotencyKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const market = useMarket();
  const { t } = useI18n();
  if (!cart || cart.lines.length === 0) {
    return (
      <>
        <h1>{t('checkout.title')}</h1>
        <p>{t('checkout.emptyCart')}</p>
        <p>
          <Link to={`/k/${market.slug}`} className="button">
            {t('cart.browse')}
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t('checkout.title')}</h1>
      <div className="checkout-layout">
        <OrderSummary cart={cart} cooperative={market} />
        <p>
          <Link to={`/k/${market.slug}/keranjang`}>{t('checkout.editCart')}</Link>
        </p>
        <CheckoutForm
          cooperative={market}
          paymentMethods={paymentMethods}
          limitedProducts={limitedProducts}
          // After a refused submit keep the key: a retry of the same order must not make a second one.
          idempotencyKey={actionData?.idempotencyKey ?? idempotencyKey}
          values={actionData?.values ?? {}}
          errors={actionData?.errors ?? {}}
        />
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
