import type { TestProject } from 'vitest/node';
import type {} from './provided';
import { startInfra } from './infra';

/** vitest globalSetup: one infrastructure for the whole run, handed to tests through inject(). */
export default async function setup(project: TestProject) {
  const infra = await startInfra();
  const { stop, ...endpoints } = infra;
  project.provide('pasarInfra', endpoints);
  return async () => {
    await stop();
  };
}
