import { readFile } from 'node:fs/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import { startAgent } from '../agent/main.ts';
import { startApi } from '../api/main.ts';
import { superviseBridge } from '../bridge/main.ts';
import { loadConfig, requireDatabaseUrl, type Config } from '../common/config.ts';
import { openDatabase } from '../common/db.ts';
import { CaroniError } from '../common/errors.ts';
import { isJsonObject, type JsonObject } from '../common/json.ts';
import {
  initKeyFiles,
  loadIdentity,
  publicKeyPem,
  retiredKeyIds,
  rotateKeyFiles,
  type Rotation,
} from '../common/keys.ts';
import { createLogger } from '../common/log.ts';
import { serveMetrics } from '../common/metrics.ts';
import { startManager } from '../manager/main.ts';
import { registerAdminCommands } from './admin-commands.ts';
import { ApiClient, resolveToken } from './api-client.ts';
import { registerBrokerAclCommand } from './broker-acl.ts';
import { registerDeadLetterCommands } from './dead-letters.ts';
import { describeFederation, devBanner, writeDevFiles } from './dev-report.ts';
import { runExample, startDev } from './dev.ts';
import { maxFederationSize } from './federation-plan.ts';
import { registerRunsCommands } from './runs-commands.ts';
import { submit } from './submit.ts';
import { registerTrustCommands } from './trust-commands.ts';

/** Runs a long-lived service until SIGINT/SIGTERM, then stops it gracefully. */
async function serve(service: { stop(): Promise<void>; done?: Promise<void> }): Promise<void> {
  const signalled = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await Promise.race([signalled, service.done ?? new Promise<void>(() => {})]);
  await service.stop();
}

function parseInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0)
    throw new InvalidArgumentError('expected a positive integer');
  return parsed;
}

function parseSize(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > maxFederationSize)
    throw new InvalidArgumentError(`expected an integer from 1 to ${maxFederationSize}`);
  return parsed;
}

function parseJsonObject(text: string, where: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CaroniError(
      'invalid_input',
      `${where} is not valid JSON: ${(error as Error).message}`,
    );
  }
  if (!isJsonObject(value))
    throw new CaroniError('invalid_input', `${where} must be a JSON object`);
  return value;
}

const program = new Command('caroni')
  .description('Workflows across federated sites that share resources, on Temporal and RabbitMQ')
  .showHelpAfterError();

program
  .command('dev')
  .description(
    'run the whole local federation (Temporal dev server if none answers, managers, bridges, APIs, agents) and the example once on the first site',
  )
  .option(
    '--sites <n>',
    `sites, each in its own namespace (1 to ${maxFederationSize})`,
    parseSize,
    1,
  )
  .option('--agents <n>', `agents, trusting every site (1 to ${maxFederationSize})`, parseSize, 1)
  .action(async (opts: { sites: number; agents: number }) => {
    const config = loadConfig();
    const log = createLogger('caroni-dev');
    const dev = await startDev(config, log, opts);
    const report = describeFederation(dev.federation, config.temporal.webUrl);
    await writeDevFiles(config.dataDir, report);
    process.stderr.write(devBanner(report, config.dataDir));
    const output = await runExample(dev);
    process.stdout.write(`${JSON.stringify(output)}\n`);
    await serve(dev);
  });

program
  .command('manager')
  .description("run a site's manager worker (registers the site's namespace if missing)")
  .action(async () => serve(await startManager(loadConfig())));

program
  .command('bridge')
  .description(
    "run a manager's bridge (publishes jobs, hands replies to workflows); needs DATABASE_URL",
  )
  .action(async () => {
    const config = loadConfig();
    // The bridge has no API of its own: its metrics get a port of their own (bound first, so a
    // port in use stops the command before the bridge starts).
    const served = await serveMetrics(config.bridgeMetricsPort, config.api.host);
    const bridge = await superviseBridge(config);
    await serve({
      done: bridge.done,
      stop: async () => {
        await served.close();
        await bridge.stop();
      },
    });
  });

const agentCommand = program
  .command('agent')
  .description(
    'run an agent for one resource (needs DATABASE_URL and CARONI_AGENT_HANDLERS); drain|undrain|status administer one',
  )
  .action(async () => serve(await startAgent(loadConfig())));

program
  .command('api')
  .description("serve a manager's API; needs DATABASE_URL")
  .action(async () => serve(await startApi(loadConfig())));

program
  .command('submit')
  .description('start a run through the API (the site stub) and optionally follow it')
  .argument('<workflow>', 'workflow definition name')
  .option('--input <json>', 'run input as a JSON object')
  .option('--input-file <file>', 'read the run input from a JSON file')
  .option('--version <n>', 'definition version (default: latest)', parseInteger)
  .option('--idempotency-key <key>', 'the same key returns the same run')
  .option(
    '--wait',
    "follow the run's events (a line per step change on stderr), print its output JSON as the last line, exit 1 unless it completed",
    false,
  )
  .addOption(
    new Option('--api <url>', 'manager API').env('CARONI_API_URL').default('http://127.0.0.1:8000'),
  )
  .addOption(new Option('--token <token>', 'API token').env('CARONI_TOKEN'))
  .action(
    async (
      workflow: string,
      opts: {
        input?: string;
        inputFile?: string;
        version?: number;
        idempotencyKey?: string;
        wait: boolean;
        api: string;
        token?: string;
      },
    ) => {
      const token = await resolveToken(opts.token, loadConfig().dataDir, 'site');
      const input = opts.inputFile
        ? parseJsonObject(await readFile(opts.inputFile, 'utf8'), opts.inputFile)
        : parseJsonObject(opts.input ?? '{}', '--input');
      const run = await submit({
        api: new ApiClient(opts.api.replace(/\/$/, ''), token),
        workflow,
        version: opts.version,
        input,
        idempotencyKey: opts.idempotencyKey,
        wait: opts.wait,
        progress: (line) => process.stderr.write(`${line}\n`),
      });
      if (!('status' in run)) {
        process.stdout.write(`${run.id}\n`);
        return;
      }
      if (run.status === 'COMPLETED') {
        process.stdout.write(`${JSON.stringify(run.output)}\n`);
        return;
      }
      process.stderr.write(`run ${run.id} ended ${run.status}: ${run.error?.message ?? ''}\n`);
      process.exitCode = 1;
    },
  );

registerRunsCommands(program);

const keys = program.command('keys').description('Ed25519 identities of managers and agents');
keys
  .command('init')
  .argument('<id>', 'manager or agent id')
  .description(
    'make a key pair in the keys folder (CARONI_DATA_DIR/keys), print the public key, its key id on stderr',
  )
  .action(async (id: string) => {
    const identity = await initKeyFiles(loadConfig().keysDir, id);
    process.stdout.write(publicKeyPem(identity.publicKey));
    process.stderr.write(`key id ${identity.keyId}\n`);
  });
keys
  .command('show')
  .argument('<id>', 'manager or agent id')
  .description(
    'print the public key of an identity, to give to the other side, and its key id and retired key ids on stderr',
  )
  .action(async (id: string) => {
    const { keysDir } = loadConfig();
    const identity = await loadIdentity(keysDir, id);
    process.stdout.write(publicKeyPem(identity.publicKey));
    const retired = await retiredKeyIds(keysDir, id);
    process.stderr.write(
      `key id ${identity.keyId}${retired.length > 0 ? ` (retired: ${retired.join(', ')})` : ''}\n`,
    );
  });
keys
  .command('rotate')
  .argument('<id>', 'manager or agent id')
  .description(
    'make a new key pair for an identity, keep the old one under keys/retired, print the new public key; then add it on every peer and restart',
  )
  .action(async (id: string) => {
    const config = loadConfig();
    const rotation = await rotateKeyFiles(config.keysDir, id);
    process.stdout.write(publicKeyPem(rotation.current.publicKey));
    process.stderr.write(rotationSteps(id, rotation, config));
  });

/** What the operator does after `caroni keys rotate`, in order: peers first, then restart. */
function rotationSteps(id: string, rotation: Rotation, config: Config): string {
  const { keyId } = rotation.current;
  const old = rotation.retiredKeyId;
  const onAgents = `caroni trust add-key manager ${id} ${id}.pub --agent-api <each agent's API>`;
  const onManagers = `caroni trust add-key agent ${id} ${id}.pub --api <each manager's API>`;
  const addKey =
    id === config.manager.id
      ? [onAgents]
      : id === config.agent.id
        ? [onManagers]
        : [onAgents, onManagers];
  const revoke =
    id === config.manager.id
      ? `caroni trust revoke-key manager ${id} ${old}`
      : id === config.agent.id
        ? `caroni trust revoke-key agent ${id} ${old}`
        : `caroni trust revoke-key manager|agent ${id} ${old}`;
  return [
    `${id} now has key ${keyId} (the public key is on stdout); the old key ${old} is kept, unused, at ${rotation.retiredPrivatePath}.`,
    'Next:',
    `  1. on every party that trusts ${id}, add the new key (save stdout as ${id}.pub); the old key stays valid there for --grace (default 7d):`,
    ...addKey.map((command) => `       ${command}`),
    `  2. restart ${id}'s processes: they sign with the key they loaded at start.`,
    `  3. the peers refuse ${old} when its grace ends; if it may have leaked, revoke it on each of them now:`,
    `       ${revoke}`,
    '',
  ].join('\n');
}

program
  .command('migrate')
  .addArgument(
    new Command().createArgument('<role>', 'manager | agent').choices(['manager', 'agent']),
  )
  .description('apply pending database migrations (DATABASE_URL); services also do this at start')
  .action(async (role: 'manager' | 'agent') => {
    const sql = await openDatabase(requireDatabaseUrl(loadConfig(), role), role);
    await sql.end();
    process.stderr.write(`${role} database is up to date\n`);
  });

registerAdminCommands(program);
registerTrustCommands(program, agentCommand);
registerBrokerAclCommand(program);
registerDeadLetterCommands(program);

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof CaroniError) {
    process.stderr.write(`caroni: ${error.message}\n`);
  } else {
    process.stderr.write(`caroni: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exitCode = 1;
}
// Services have stopped gracefully by now; a client library's idle handle must not keep the command alive.
process.exit();
