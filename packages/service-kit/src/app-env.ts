import type { AccessRule } from './auth/access';
import type { Principal } from './auth/principal';

/** What every request of a service app carries: its id, the signed-in principal, the route's rule. */
export type AppEnv = { Variables: { requestId: string; principal?: Principal; access?: AccessRule } };
