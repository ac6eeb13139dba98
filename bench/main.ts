// `npm run bench`: bridged vs native. Not part of the test suite; see
// docs/PERFORMANCE.md for what it measures and a recorded run.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Cleanup } from './cleanup.ts';
import { countDeadLetters, startEnvironment, type BenchEnvironment } from './environment.ts';
import { parseOptions, type BenchOptions } from './options.ts';
import { summarizeProfile } from './profile.ts';
import { figures, tables, type BenchResults } from './report.ts';
import { runBrokerLoop } from './sections/broker-loop.ts';
import { runFanOut } from './sections/fan-out.ts';
import { runInFlight } from './sections/in-flight.ts';
import { profileBridged, runThroughput } from './sections/throughput.ts';

const began = performance.now();
function progress(line: string): void {
  const seconds = ((performance.now() - began) / 1_000).toFixed(0).padStart(4);
  process.stderr.write(`[bench ${seconds}s] ${line}\n`);
}

async function runSections(env: BenchEnvironment, results: BenchResults): Promise<void> {
  const { options } = env;
  if (options.sections.includes('throughput')) {
    results.throughput = await runThroughput(env, progress);
    if (options.profileDir) {
      progress('throughput: one more bridged window, profiled');
      await mkdir(options.profileDir, { recursive: true });
      const files = {
        worker: path.resolve(options.profileDir, 'worker.cpuprofile'),
        bridge: path.resolve(options.profileDir, 'bridge.cpuprofile'),
        agent: path.resolve(options.profileDir, 'agent.cpuprofile'),
      };
      await profileBridged(env, files);
      results.profiles = {
        worker: await summarizeProfile(files.worker),
        bridge: await summarizeProfile(files.bridge),
        agent: await summarizeProfile(files.agent),
      };
    }
  }
  if (options.sections.includes('broker-loop'))
    results.brokerLoop = await runBrokerLoop(env, progress);
  if (options.sections.includes('fan-out')) results.fanOut = await runFanOut(env, progress);
  // Last: a level that outlives its drain budget leaves replies behind that nothing else should meet.
  if (options.sections.includes('in-flight')) {
    results.deadLettersBeforeInFlight = await countDeadLetters(options.amqpUrl, env.topology);
    results.inFlight = await runInFlight(env, progress);
  }
}

async function main(argv: string[]): Promise<number> {
  const options: BenchOptions = parseOptions(argv);
  if (process.platform !== 'linux')
    throw new Error('the bench reads CPU and memory from /proc: run it on Linux');
  if (options.profileDir) await mkdir(options.profileDir, { recursive: true });
  const runDir = await mkdtemp(path.join(os.tmpdir(), 'caroni-bench-'));
  const cleanup = new Cleanup();
  let cleaning: Promise<string[]> | undefined;
  const cleanUp = () => (cleaning ??= cleanup.run());
  const onSignal = (signal: NodeJS.Signals) => {
    progress(`${signal}: cleaning up`);
    // Runs still going fail as their connections close under them; none of that matters now.
    const ignore = (error: unknown) =>
      progress(`ignored while cleaning up: ${(error as Error).message}`);
    process.on('uncaughtException', ignore);
    process.on('unhandledRejection', ignore);
    void cleanUp()
      .then((leftovers) => {
        for (const leftover of leftovers) progress(`could not clean up ${leftover}`);
        return rm(runDir, { recursive: true, force: true });
      })
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const results: BenchResults = {
    options,
    argv,
    startedAt: new Date(),
    loadBefore: os.loadavg(),
    loadAfter: [],
    elapsedS: 0,
    deadLetters: 0,
    deadLettersBeforeInFlight: undefined,
  };
  let failure: unknown;
  try {
    const env = await startEnvironment(options, runDir, cleanup, progress);
    await runSections(env, results);
    results.deadLetters = await countDeadLetters(options.amqpUrl, env.topology);
  } catch (error) {
    failure = error;
  }
  progress('cleaning up');
  const leftovers = await cleanUp();
  for (const leftover of leftovers) progress(`could not clean up ${leftover}`);
  if (failure) {
    progress(`failed: ${(failure as Error).stack ?? String(failure)}`);
    progress(`logs of the run kept in ${runDir}`);
    return 1;
  }
  await rm(runDir, { recursive: true, force: true });
  results.loadAfter = os.loadavg();
  results.elapsedS = (performance.now() - began) / 1_000;
  console.log(tables(results));
  console.log(JSON.stringify(figures(results)));
  return leftovers.length > 0 ? 1 : 0;
}

// Exit explicitly: a child that never answered must not keep the bench alive.
// (Writes to a pipe are synchronous on Linux, so the last line is out by then.)
process.exit(await main(process.argv.slice(2)));
