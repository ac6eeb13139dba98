import { fileURLToPath } from 'node:url';

/** The module the worker bundles as workflow code (`workflows/index.ts`). */
export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));
