import { defineConfig } from 'vitest/config';
import { unitAndIntegrationProjects } from '../../vitest.projects';

// `pnpm test` runs both projects; `pnpm test:unit` only the unit one, without starting any engine.
export default defineConfig({ test: { projects: unitAndIntegrationProjects() } });
