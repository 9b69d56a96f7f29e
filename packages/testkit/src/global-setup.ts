import type { TestProject } from 'vitest/node';
import { type InfraEndpoints, startInfra } from './infra';

declare module 'vitest' {
  export interface ProvidedContext {
    pasarInfra: InfraEndpoints;
  }
}

/** vitest globalSetup: one infrastructure for the whole run, handed to tests through inject(). */
export default async function setup(project: TestProject) {
  const infra = await startInfra();
  const { stop, ...endpoints } = infra;
  project.provide('pasarInfra', endpoints);
  return async () => {
    await stop();
  };
}
