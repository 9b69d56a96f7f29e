import type { ActionFunctionArgs } from '@remix-run/node';
import { assertSameOrigin } from './origin.server';

/**
 * Every route action is wrapped in this: a state-changing request whose Origin (or Referer) is not ours
 * is answered 403 before the action reads the form or calls a service (CSRF). `test/csrf-proxy.test.ts`
 * checks that every route module with an action refuses a forged post. Under the production server the
 * same rule already ran as middleware (server.ts) before Remix; this keeps it true wherever Remix runs.
 */
export function formAction<R>(handler: (args: ActionFunctionArgs) => Promise<R>) {
  return (args: ActionFunctionArgs): Promise<R> => {
    assertSameOrigin(args.request, args.context);
    return handler(args);
  };
}
