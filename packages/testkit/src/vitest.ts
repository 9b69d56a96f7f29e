import { fileURLToPath } from 'node:url';

/** Path for vitest's `globalSetup`: starts (or finds) Kafka, a Mongo-wire database and stripe-mock. */
export const infraGlobalSetup = fileURLToPath(new URL('./global-setup.ts', import.meta.url));
