import { createHash } from 'node:crypto';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../common/ports.ts';
import { resolveTemporalCli } from '../common/temporal-cli.ts';
import { deleteBrokerTopology, testAmqpUrl, uniqueName, waitFor } from './support/isolation.ts';

const run = promisify(execFile);
const expected = {
  words: 4,
  chars: 19,
  sha256: createHash('sha256').update('the quick brown fox').digest('hex'),
};

describe('caroni dev, as a user runs it', () => {
  let dev: ChildProcess | undefined;
  let dataDir: string | undefined;
  const managerId = uniqueName('site').replace('-', '_');
  const agentId = uniqueName('agent').replace('-', '_');
  const prefix = uniqueName('e2e').replace('-', '_');

  afterAll(async () => {
    if (dev && dev.exitCode === null) dev.kill('SIGKILL');
    await deleteBrokerTopology(prefix, [managerId], ['text.stats', 'text.sha256'], [agentId]);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('starts the federation on embedded databases, prints the example output, serves submits, and stops on SIGTERM', async () => {
    const adminToken = `caroni_e2e-admin-${uniqueName('token')}`;
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'caroni-dev-'));
    const temporalPort = await freePort();
    const apiPort = await freePort();
    const env = {
      ...process.env,
      CARONI_DATA_DIR: dataDir,
      TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
      TEMPORAL_WEB_URL: `http://127.0.0.1:${await freePort()}`,
      CARONI_API_PORT: String(apiPort),
      CARONI_AGENT_PORT: String(await freePort()),
      // Unset: the embedded databases under the data directory, as on a fresh machine.
      DATABASE_URL: '',
      CARONI_ADMIN_TOKEN: adminToken,
      AMQP_URL: testAmqpUrl,
      CARONI_BROKER_PREFIX: prefix,
      CARONI_MANAGER_ID: managerId,
      CARONI_AGENT_ID: agentId,
      LOG_LEVEL: 'warn',
    };
    const child = spawn(process.execPath, ['cli/caroni.js', 'dev'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    dev = child;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
    const printed = await waitFor(() => lines.find((line) => line.startsWith('{')), {
      timeoutMs: 90_000,
      what: `the example output (stderr so far: ${stderr.slice(-2000)})`,
    });
    expect(JSON.parse(printed)).toEqual(expected);

    // The admin token came from CARONI_ADMIN_TOKEN.
    const jobTypes = await fetch(`http://127.0.0.1:${apiPort}/v1/admin/job-types`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(jobTypes.status).toBe(200);

    const submitted = await run(
      process.execPath,
      [
        'cli/caroni.js',
        'submit',
        'example',
        '--input',
        '{"text":"the quick brown fox"}',
        '--wait',
        '--api',
        `http://127.0.0.1:${apiPort}`,
      ],
      { env },
    );
    const last = submitted.stdout.trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(last)).toEqual(expected);
    expect(submitted.stderr).toMatch(/stats \(job:text.stats\): succeeded/);

    const listed = await run(resolveTemporalCli(), [
      'workflow',
      'list',
      '--address',
      env.TEMPORAL_ADDRESS,
      '--namespace',
      managerId,
      '--query',
      'ExecutionStatus = "Completed" AND CaroniWorkflow = "example"',
      '--output',
      'json',
    ]);
    expect(JSON.parse(listed.stdout)).toHaveLength(2);

    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
  }, 180_000);
});
