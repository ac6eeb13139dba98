import { fileURLToPath } from 'node:url';

/** The module the worker bundles as workflow code (`workflows/index.ts`). */
export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

/**
 * The workflow interceptor modules every bundle of Caroni's workflow code
 * includes (the tests' global setup, `caroni dev`, `caroni manager`, the
 * replay test, the bench): the same list everywhere, since a history must
 * replay with the interceptors it ran with. Every Worker of such a bundle
 * registers `Tracing.workflowSinks`, which they report through.
 */
export const workflowInterceptorModules: string[] = [
  fileURLToPath(new URL('../workflows/tracing-interceptors.ts', import.meta.url)),
];
