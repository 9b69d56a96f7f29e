import { Hono } from 'hono';
import { controlRoutes } from './routes/control.routes';
import { coreRoutes } from './routes/core.routes';
import { pageRoutes } from './routes/page.routes';
import { snapRoutes } from './routes/snap.routes';
import type { Sandbox } from './sandbox';

export interface AppOptions {
  /** Origin written into redirect_url; default: the origin the request came to. */
  publicUrl?: string;
}

/** The sandbox's HTTP surface: Snap, the payment page, the Core API and the control API. No I/O here. */
export function createApp(sandbox: Sandbox, opts: AppOptions = {}): Hono {
  const app = new Hono();
  app.route('/snap/v1', snapRoutes(sandbox, opts.publicUrl));
  app.route('/snap/v4/redirection', pageRoutes(sandbox));
  app.route('/_sandbox', controlRoutes(sandbox));
  app.route('/v2', coreRoutes(sandbox));
  app.notFound((c) =>
    c.json({ status_code: '404', status_message: 'The requested resource is not found' }, 404),
  );
  app.onError((err, c) => {
    console.error(err);
    return c.json({ status_code: '500', status_message: 'Sorry, we encountered internal server error' }, 500);
  });
  return app;
}
