import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { BalanceFacts, StatementView } from '~/components/consignment-view';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { pageTitle } from '~/utils/meta';
import { useI18n } from '~/utils/use-i18n';
import { useSellerShell } from '~/utils/use-seller';
import { loadBalance } from './balance.server';

export const loader = (args: LoaderFunctionArgs) => loadBalance(args);

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'sell.section.balance') }];

export default function BalancePage() {
  const { balance, statement, month, monthError } = useLoaderData<typeof loader>();
  const { cooperative } = useSellerShell();
  const { t } = useI18n();
  return (
    <>
      <h1>{t('sell.section.balance')}</h1>
      <p className="muted">{t('consignment.sellerHelp')}</p>
      <BalanceFacts balance={balance} />
      <StatementView
        statement={statement}
        month={month}
        monthError={monthError ?? undefined}
        download={`/jual/${cooperative.slug}/saldo/unduh`}
      />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
