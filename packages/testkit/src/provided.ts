import type { InfraEndpoints } from './infra';

// What globalSetup hands to tests through vitest's provide/inject.
declare module 'vitest' {
  export interface ProvidedContext {
    pasarInfra: InfraEndpoints;
  }
}
