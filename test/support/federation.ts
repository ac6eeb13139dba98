import { inject } from 'vitest';
import { startSite, type SiteOptions, type TestSite } from './site.ts';

export type { TestSite };
export { testHandlersPath } from './site.ts';

/**
 * A whole site and agent, in process, isolated from every other test: its own
 * namespace, broker prefix, databases and keys, on the run's shared dev server.
 */
export function startTestSite(
  options: Pick<
    SiteOptions,
    'withoutBridge' | 'slots' | 'embeddedDatabases' | 'sites' | 'agents' | 'trust' | 'agentSettings'
  > = {},
): Promise<TestSite> {
  return startSite({
    ...options,
    temporalAddress: inject('temporalAddress'),
    workflowBundlePath: inject('workflowBundlePath'),
  });
}
