import type { LoaderFunctionArgs } from '@remix-run/node';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { returnToOrder } from './return.server';

/** The payment providers' return address: only ever redirects (or shows the 404 page). */
export const loader = (args: LoaderFunctionArgs) => returnToOrder(args);

export default function ReturnToOrder() {
  return null;
}

export const ErrorBoundary = RouteErrorBoundary;
