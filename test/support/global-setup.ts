import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDevServer, type DevServer } from '../../common/dev-server.ts';
import { bundleWorkflows } from '../../common/workflows-path.ts';

let server: DevServer | undefined;
let dir: string | undefined;

/** One Temporal dev server and one workflow bundle for the whole run; tests isolate by namespace. */
export async function setup(project: TestProject): Promise<void> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'caroni-test-'));
  server = await startDevServer({
    dataDir: dir,
    headless: true,
    logFile: path.join(dir, 'temporal.log'),
  });
  const bundlePath = path.join(dir, 'workflow-bundle.js');
  await writeFile(bundlePath, await bundleWorkflows(console));
  project.provide('temporalAddress', server.address);
  project.provide('workflowBundlePath', bundlePath);
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}
