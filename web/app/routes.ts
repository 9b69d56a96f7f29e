import { flatRoutes } from '@remix-run/fs-routes';
import type { RouteConfig } from '@remix-run/route-config';

// File-based flat routes (app/routes/*), declared through route config so a move to React Router 7 is mechanical.
export default flatRoutes() satisfies RouteConfig;
