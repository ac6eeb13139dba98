import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';

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

/** Where the bundler's warnings and errors go; its progress chatter is dropped. */
export interface BundlerLog {
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Bundles workflow code, Caroni's (`workflowsPath`) unless another module is
 * given (a patched copy, the bench's workflows), always with
 * {@link workflowInterceptorModules}. @returns the bundle's code.
 */
export async function bundleWorkflows(log: BundlerLog, path = workflowsPath): Promise<string> {
  const quiet = () => {};
  const { code } = await bundleWorkflowCode({
    workflowsPath: path,
    workflowInterceptorModules,
    logger: {
      log: quiet,
      trace: quiet,
      debug: quiet,
      info: quiet,
      warn: (message) => log.warn(message),
      error: (message) => log.error(message),
    },
  });
  return code;
}
