import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { fileURLToPath } from 'node:url';
import amqp from 'amqplib';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { caroni } from '../proto/generated/caroni.js';
import { startAgent } from '../agent/main.ts';
import {
  programHandler,
  type ProgramHandlerOptions,
  type ProgramSpec,
} from '../agent/program-handler.ts';
import { ProgramSpecError } from '../agent/program-template.ts';
import { runHandler } from '../agent/run-handler.ts';
import { loadSecrets, Secrets } from '../agent/secrets.ts';
import { addTrustedManager } from '../agent/trust.ts';
import {
  ConfirmedPublisher,
  declareJobQueue,
  declareReplyQueue,
  declareShared,
  topologyNames,
} from '../common/broker.ts';
import { ANY_RECIPIENT, open, seal } from '../common/envelope.ts';
import { loadConfig } from '../common/config.ts';
import { ConfigError } from '../common/errors.ts';
import type { JsonObject } from '../common/json.ts';
import { generateIdentity, loadOrInitIdentity, publicKeyPem } from '../common/keys.ts';
import { fromValue, toStruct } from '../common/struct.ts';
import { agentTestEnv } from './support/agent-env.ts';
import { deleteBrokerTopology, testAmqpUrl, uniqueName, waitFor } from './support/isolation.ts';

const programs = fileURLToPath(new URL('./fixtures/programs/', import.meta.url));
const node = process.execPath;
const sandboxProgram = path.join(programs, 'sandbox.mjs');
const log = pino({ level: 'silent' });
const NOBODY = 65534;
const MiB = 1024 * 1024;

let base: string;
let workRoot: string;
beforeEach(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'caroni-sandbox-'));
  // mkdtemp makes it 700: the run user must be able to reach its working directory below.
  await chmod(base, 0o755);
  workRoot = path.join(base, 'work');
});
afterEach(() => rm(base, { recursive: true, force: true }));

function run(
  spec: Omit<ProgramSpec, 'workRoot'>,
  { runTimeoutMs = 0, options = {} as ProgramHandlerOptions, parameters = {} as JsonObject } = {},
) {
  return runHandler({
    handler: programHandler({ workRoot, ...spec }, options),
    jobId: uniqueName('job'),
    attempt: 1,
    idempotencyKey: 'key-1',
    parameters,
    runTimeoutMs,
    log,
    onProgress: () => {},
  });
}

async function failure(spec: Omit<ProgramSpec, 'workRoot'>) {
  const outcome = await run(spec).outcome;
  if (outcome.status !== 'failed')
    throw new Error(`expected a failure, got ${JSON.stringify(outcome)}`);
  return outcome.failure;
}

async function output(spec: Omit<ProgramSpec, 'workRoot'>, options: ProgramHandlerOptions = {}) {
  const outcome = await run(spec, { options }).outcome;
  if (outcome.status !== 'succeeded')
    throw new Error(`expected success, got ${JSON.stringify(outcome)}`);
  return outcome.output as JsonObject;
}

/** Pids of live processes whose command line holds `needle`. */
async function processesWith(needle: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    if (cmdline.split('\0').includes(needle) && stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z')
      pids.push(Number(entry));
  }
  return pids;
}

describe('program sandbox: run user', () => {
  it('runs the program as the configured user, in a fresh directory of its own', async () => {
    const secretsFile = path.join(base, 'agent-secrets.yaml');
    await writeFile(secretsFile, 'token: "x"\n', { mode: 0o600 });
    const seen = await output({
      argv: [node, sandboxProgram, 'whoami', secretsFile],
      user: 'nobody',
    });
    expect(seen).toMatchObject({
      uid: NOBODY,
      gid: NOBODY,
      // Supplementary groups of the agent (root's) are dropped.
      groups: [NOBODY],
      cwdOwner: NOBODY,
      cwdMode: '700',
      readable: false,
    });
    expect(seen.home).toBe(seen.cwd);
    expect(path.dirname(seen.cwd as string)).toBe(workRoot);
  });

  it('takes another group, and runs as the agent without a user', async () => {
    expect(
      await output({ argv: [node, sandboxProgram, 'whoami'], user: 'nobody', group: 'daemon' }),
    ).toMatchObject({ uid: NOBODY, gid: 1, groups: [1] });
    expect(await output({ argv: [node, sandboxProgram, 'whoami'] })).toMatchObject({
      uid: process.getuid?.(),
      home: process.env.HOME,
    });
  });

  it('refuses an unknown user or group, or a group without a user, when the handler is built', () => {
    const build = (spec: Partial<ProgramSpec>) => () =>
      programHandler({ workRoot, argv: ['/bin/true'], ...spec });
    expect(build({ user: 'no-such-user-caroni' })).toThrow(
      /user no-such-user-caroni does not exist/,
    );
    expect(build({ user: 'nobody', group: 'no-such-group-caroni' })).toThrow(ProgramSpecError);
    expect(build({ user: '--help' })).toThrow(/not a user name or id/);
    expect(build({ group: 'daemon' })).toThrow(/group needs user/);
  });
});

describe('program sandbox: limits', () => {
  it('stops a memory hog with memory_limit, and lets a program within the limit finish', async () => {
    const limit = { maxMemoryBytes: 256 * MiB };
    expect(await output({ argv: [node, sandboxProgram, 'hog', '64'], ...limit })).toEqual({
      allocatedMiB: 64,
    });
    const failed = await failure({ argv: [node, sandboxProgram, 'hog', '2048'], ...limit });
    expect(failed).toMatchObject({ type: 'memory_limit', nonRetryable: true });
    expect(failed.message).toMatch(
      /reports running out of memory; each of its processes may use 256 MiB \(maxMemoryBytes\)/,
    );
    expect(failed.details).toMatchObject({ maxMemoryBytes: 256 * MiB });
  });

  it('bounds a fork bomb by the process limit of its user', async () => {
    const forks = ['/bin/sh', path.join(programs, 'forks.sh'), '60'];
    const failed = await failure({ argv: forks, user: 'nobody', maxProcesses: 20 });
    expect(failed).toMatchObject({ type: 'exit_code' });
    const details = failed.details as { stderrTail: string };
    expect(details.stderrTail).toMatch(/Cannot fork/);
    const started = Math.max(
      ...[...details.stderrTail.matchAll(/started (\d+)/g)].map((m) => Number(m[1])),
    );
    expect(started).toBeGreaterThan(0);
    expect(started).toBeLessThan(20);
    // The same program without the limit starts all 60: the limit is what stopped it.
    expect(await output({ argv: forks, user: 'nobody', maxProcesses: null })).toEqual({
      started: 60,
    });
    // Whatever it started ended with it.
    expect(await processesWith('3117')).toEqual([]);
  });

  it('stops a program whose stdout and stderr pass maxStreamBytes: output_too_large, not retryable', async () => {
    const startedAt = Date.now();
    const failed = await failure({
      argv: [node, sandboxProgram, 'flood'],
      maxStreamBytes: MiB,
    });
    expect(failed).toMatchObject({ type: 'output_too_large', nonRetryable: true });
    expect(failed.message).toMatch(/more than 1048576 bytes to stdout and stderr/);
    expect(Date.now() - startedAt).toBeLessThan(15_000);
  });

  it('refuses limits that cannot work when the handler is built', () => {
    const build = (spec: Partial<ProgramSpec>) => () =>
      programHandler({ workRoot, argv: ['/bin/true'], ...spec });
    expect(build({ maxMemoryBytes: 0 })).toThrow(/maxMemoryBytes must be a positive integer/);
    expect(build({ maxProcesses: 2.5 })).toThrow(/maxProcesses/);
    expect(build({ maxStreamBytes: -1 })).toThrow(/maxStreamBytes/);
  });

  it('still reports a program it cannot start as spawn_failed through the limits wrapper', async () => {
    const failed = await failure({ argv: ['/no/such/program'] });
    expect(failed).toMatchObject({ type: 'spawn_failed', nonRetryable: false });
    expect(failed.message).toMatch(/cannot start \/no\/such\/program: .*No such file/);
    expect(
      (await failure({ argv: ['/no/such/program'], maxMemoryBytes: null, maxProcesses: null }))
        .type,
    ).toBe('spawn_failed');
  });
});

describe('program sandbox: working directory', () => {
  const waitForRunning = () =>
    waitFor(
      async () => {
        const [dir] = await readdir(workRoot).catch(() => []);
        return dir && (await readdir(path.join(workRoot, dir))).includes('running');
      },
      { what: 'the program to start' },
    );

  it('removes it after a success and after a failure', async () => {
    await output({ argv: [node, sandboxProgram, 'whoami'], user: 'nobody' });
    expect(await readdir(workRoot)).toEqual([]);
    expect(
      (await failure({ argv: [node, sandboxProgram, 'no-such-mode'], user: 'nobody' })).type,
    ).toBe('exit_code');
    expect(await readdir(workRoot)).toEqual([]);
  });

  it('removes it after a cancel, a program timeout and a run timeout', async () => {
    const wait = { argv: [node, sandboxProgram, 'wait'], user: 'nobody', killGraceMs: 500 };
    const cancelled = run(wait);
    await waitForRunning();
    cancelled.abort('cancelled by the test');
    await cancelled.finished;
    expect(await cancelled.outcome).toMatchObject({ failure: { type: 'killed' } });
    expect(await readdir(workRoot)).toEqual([]);

    const timedOut = run({ ...wait, timeoutMs: 300 });
    expect(await timedOut.outcome).toMatchObject({ failure: { type: 'timeout' } });
    expect(await readdir(workRoot)).toEqual([]);

    const runTimeout = run(wait, { runTimeoutMs: 500 });
    expect(await runTimeout.outcome).toMatchObject({ failure: { type: 'run_timeout' } });
    await runTimeout.finished;
    expect(await readdir(workRoot)).toEqual([]);
  });

  it('keeps it when keepWorkDir is set', async () => {
    await failure({ argv: [node, sandboxProgram, 'no-such-mode'], keepWorkDir: true });
    expect(await readdir(workRoot)).toHaveLength(1);
  });
});

describe('program sandbox: secrets', () => {
  const secret = `s3cr3t-"quoted"\\-${randomBytes(8).toString('hex')}`;
  const secrets = Secrets.of({ 'api-token': secret });
  const withSecret = (mode: string): Omit<ProgramSpec, 'workRoot'> => ({
    argv: [node, sandboxProgram, mode, 'API_TOKEN'],
    user: 'nobody',
    secrets: { API_TOKEN: 'api-token' },
  });

  it('reads a YAML or JSON secrets file that only the agent can read', async () => {
    const yamlFile = path.join(base, 'secrets.yaml');
    await writeFile(yamlFile, `api-token: ${JSON.stringify(secret)}\nother: two\n`, {
      mode: 0o600,
    });
    const loaded = await loadSecrets(yamlFile);
    expect(loaded.get('api-token')).toBe(secret);
    expect(loaded.names()).toEqual(['api-token', 'other']);
    const jsonFile = path.join(base, 'secrets.json');
    await writeFile(jsonFile, JSON.stringify({ 'api-token': secret }), { mode: 0o640 });
    expect((await loadSecrets(jsonFile)).get('api-token')).toBe(secret);
    expect((await loadSecrets(undefined)).names()).toEqual([]);
    expect(loadConfig({ CARONI_AGENT_SECRETS: yamlFile }).agent.secretsFile).toBe(yamlFile);
    // Printing or serializing them shows names only.
    expect(JSON.stringify(loaded)).not.toContain(secret);
    expect(inspect(loaded, { depth: 5 })).not.toContain(secret);
    expect(`${JSON.stringify({ loaded })} ${inspect({ loaded })}`).toContain('api-token');
  });

  it('refuses a secrets file that others can read, or that is not a mapping of strings, without quoting values', async () => {
    const file = path.join(base, 'secrets.yaml');
    const refused = async (text: string, mode = 0o600) => {
      await writeFile(file, text);
      await chmod(file, mode);
      const error = await loadSecrets(file).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).not.toContain(secret);
      return (error as Error).message;
    };
    expect(await refused(`api-token: ${JSON.stringify(secret)}\n`, 0o644)).toMatch(
      /open to other users \(mode 644\): chmod 600/,
    );
    expect(await refused(`api-token: [${JSON.stringify(secret)}]\n`)).toMatch(
      /secret api-token that is not a non-empty string/,
    );
    expect(await refused(`api-token: "${secret}\n  : : [\n`)).toMatch(/not valid YAML or JSON/);
    expect(await refused(`- ${JSON.stringify(secret)}\n`)).toMatch(/mapping/);
    await expect(loadSecrets(path.join(base, 'missing.yaml'))).rejects.toThrow(/ENOENT/);
  });

  it('gives the program the secret it names, and refuses one the agent does not hold', async () => {
    const seen = await output(withSecret('secret-hash'), { secrets });
    expect(seen.sha256).toBe(createHash('sha256').update(secret).digest('hex'));
    const build =
      (spec: Partial<ProgramSpec>, options: ProgramHandlerOptions = { secrets }) =>
      () =>
        programHandler({ workRoot, argv: ['/bin/true'], ...spec }, options);
    expect(build({ secrets: { API_TOKEN: 'missing' } })).toThrow(
      /secrets.API_TOKEN names secret missing, which the secrets file .* does not hold/,
    );
    expect(build({ secrets: { API_TOKEN: 'api-token' } }, {})).toThrow(
      /CARONI_AGENT_SECRETS is unset/,
    );
    expect(build({ env: { API_TOKEN: 'x' }, secrets: { API_TOKEN: 'api-token' } })).toThrow(
      /already set by the spec/,
    );
    expect(build({ secrets: { 'NOT-A-NAME': 'api-token' } })).toThrow(
      /not an environment variable/,
    );
  });

  it('keeps secret values out of failures and progress, and refuses a result that holds one', async () => {
    const progress: unknown[] = [];
    const leaked = await runHandler({
      handler: programHandler({ workRoot, ...withSecret('leak') }, { secrets }),
      jobId: 'job-leak',
      attempt: 1,
      idempotencyKey: 'key-1',
      parameters: {},
      runTimeoutMs: 0,
      log,
      onProgress: (details) => progress.push(details),
    }).outcome;
    expect(leaked).toMatchObject({ status: 'failed', failure: { type: 'exit_code' } });
    expect(JSON.stringify(leaked)).not.toContain(secret);
    expect(JSON.stringify(leaked)).toContain('calling the API with token [secret api-token]');
    expect(progress).toEqual([{ token: '[secret api-token]' }]);

    const echoing = run(withSecret('echo-secret'), { options: { secrets } });
    const echoed = await echoing.outcome;
    expect(echoed).toMatchObject({
      status: 'failed',
      failure: { type: 'secret_in_output', nonRetryable: true },
    });
    expect(JSON.stringify(echoed)).not.toContain(secret);
    // The job log, which goes to the manager, has both streams redacted.
    const jobLog = echoing.log.whole().text;
    expect(jobLog).not.toContain(secret);
    expect(jobLog).toContain('[secret api-token]');
  });
});

describe('program sandbox: secrets through a running agent', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  let agentBase: string;
  beforeAll(async () => {
    agentBase = await mkdtemp(path.join(os.tmpdir(), 'caroni-sandbox-agent-'));
    await chmod(agentBase, 0o755);
    cleanups.push(() => rm(agentBase, { recursive: true, force: true }));
  });

  it('never puts a secret value in the request, the replies, the ledger or the logs', async () => {
    const secret = `agent-secret-${randomBytes(12).toString('hex')}`;
    const secretsFile = path.join(agentBase, 'secrets.json');
    await writeFile(secretsFile, JSON.stringify({ 'api-token': secret }), { mode: 0o600 });
    const env = await agentTestEnv(cleanups, { slots: 2 });
    const config = { ...env.config, agent: { ...env.config.agent, secretsFile } };
    const secrets = await loadSecrets(config.agent.secretsFile);
    const spec = {
      workRoot: path.join(agentBase, 'work'),
      user: 'nobody',
      secrets: { API_TOKEN: 'api-token' },
    };
    const handlers = {
      'test.secret-hash': programHandler(
        { ...spec, argv: [node, sandboxProgram, 'secret-hash', 'API_TOKEN'] },
        { secrets },
      ),
      'test.secret-leak': programHandler(
        { ...spec, argv: [node, sandboxProgram, 'leak', 'API_TOKEN'] },
        { secrets },
      ),
    };
    const jobTypes = Object.keys(handlers);

    const logLines: string[] = [];
    const logs = pino(
      { level: 'trace' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(chunk.toString('utf8'));
          done();
        },
      }),
    );

    const managerId = uniqueName('site');
    const manager = generateIdentity(managerId);
    cleanups.push(() =>
      deleteBrokerTopology(env.topology.prefix, [managerId], jobTypes, [config.agent.id]),
    );
    const connection = await amqp.connect(testAmqpUrl);
    cleanups.push(() => connection.close());
    const channel = await connection.createConfirmChannel();
    await declareShared(channel, env.topology);
    for (const jobType of jobTypes)
      await declareJobQueue(channel, env.topology, managerId, jobType);
    const replies: Buffer[] = [];
    await channel.consume(
      await declareReplyQueue(channel, env.topology, managerId),
      (message) => {
        if (message) replies.push(message.content);
      },
      { noAck: true },
    );
    await addTrustedManager(env.sql, {
      managerId,
      publicKeyPem: publicKeyPem(manager.publicKey),
    });
    const agentIdentity = await loadOrInitIdentity(config.keysDir, config.agent.id);
    const agent = await startAgent(config, {
      sql: env.sql,
      handlers,
      log: logs,
      options: { trustRefreshMs: 100, stopTimeoutMs: 5_000, outboxRetryMs: 200 },
    });
    cleanups.push(() => agent.stop());

    const names = topologyNames(env.topology.prefix);
    const publisher = new ConfirmedPublisher(channel);
    const requests: Uint8Array[] = [];
    const submit = async (jobType: string) => {
      const jobId = uniqueName('job');
      const bytes = seal(manager, ANY_RECIPIENT, {
        jobRequest: {
          jobId,
          ref: {
            manager: managerId,
            namespace: 'ns',
            workflowId: 'wf',
            runId: 'run',
            stepId: jobId,
            generation: 0,
          },
          attempt: 1,
          jobType,
          parameters: toStruct({ note: 'secrets are named on the agent, never sent' }),
          queueDeadlineMs: Date.now() + 60_000,
          runTimeoutMs: 30_000,
          progressIntervalMs: 50,
          idempotencyKey: `key-${jobId}`,
        },
      });
      requests.push(bytes);
      await publisher.publish(names.jobsExchange, names.jobRoutingKey(managerId, jobType), bytes);
      return jobId;
    };
    const result = (jobId: string) =>
      waitFor(
        () =>
          replies
            .map(
              (bytes) =>
                open(bytes, managerId, (sender, keyId) =>
                  sender === agentIdentity.id && keyId === agentIdentity.keyId
                    ? agentIdentity.publicKey
                    : undefined,
                ).envelope,
            )
            .find((envelope) => envelope.jobResult?.jobId === jobId)?.jobResult as
            caroni.v1.JobResult | undefined,
        { what: `the result of ${jobId}` },
      );

    const hashJob = await submit('test.secret-hash');
    const leakJob = await submit('test.secret-leak');
    const hashed = await result(hashJob);
    expect(fromValue(hashed.output)).toEqual({
      sha256: createHash('sha256').update(secret).digest('hex'),
    });
    const leaked = await result(leakJob);
    expect(leaked.failure?.message).toMatch(/token \[secret api-token\]/);

    const ledger = await env.sql<{ row: string }[]>`select t::text as row from jobs t`;
    expect(ledger.map((r) => r.row).join('\n')).toContain(leakJob);
    const outbox = await env.sql<{ body: Buffer }[]>`select body from outbox`;
    const secretBytes = Buffer.from(secret);
    for (const bytes of [...requests, ...replies, ...outbox.map((r) => r.body)]) {
      expect(Buffer.from(bytes).includes(secretBytes)).toBe(false);
    }
    for (const row of ledger) expect(row.row).not.toContain(secret);
    expect(logLines.join('')).toContain(hashJob);
    expect(logLines.join('')).not.toContain(secret);
  });
});
