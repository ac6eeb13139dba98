import { Command, InvalidArgumentError, Option } from 'commander';

/** In the order they run. */
export const sectionNames = ['throughput', 'broker-loop', 'fan-out', 'in-flight'] as const;
export type SectionName = (typeof sectionNames)[number];

/** Everything a bench run is told, defaults filled in. */
export interface BenchOptions {
  quick: boolean;
  sections: SectionName[];
  /** Throughput: runs of the sequence going at once, per mode. */
  concurrency: number;
  /** Throughput: jobs per run (a sequence of no-op jobs). */
  steps: number;
  /** Throughput: measured seconds per mode per round, after a warm-up. */
  durationS: number;
  warmupS: number;
  /** Throughput: bridged and native alternate this many times (load drifts). */
  rounds: number;
  /** Broker-only loop: measured seconds (and half as long again, profiled). */
  loopDurationS: number;
  /** Broker-only loop: requests outstanding at once. */
  loopWindow: number;
  /** In flight: the levels to hold, ascending. */
  inFlight: number[];
  /** In flight: how often a running job reports progress (the workflow asks for it). */
  progressIntervalMs: number;
  /** In flight: longest wait for a level's jobs to all run; then it is measured where it got. */
  rampTimeoutS: number;
  /** In flight: longest wait after the release for a level's workflows to end; then they are terminated. */
  drainTimeoutS: number;
  fanOutItems: number;
  fanOutConcurrency: number;
  queueType: 'quorum' | 'classic';
  /** Profile the bridge, agent and worker over an extra bridged window and keep the profiles here. */
  profileDir: string | undefined;
  /** PostgreSQL server on which the bench creates (and drops) its databases. */
  databaseUrl: string;
  amqpUrl: string;
}

/** Full run and `--quick` smoke run defaults; a full run stays under ~10 minutes on 2 cores. */
const defaults = {
  full: {
    concurrency: 32,
    durationS: 15,
    warmupS: 5,
    rounds: 2,
    loopDurationS: 15,
    inFlight: [100, 1_000, 10_000],
    progressIntervalMs: 30_000,
    rampTimeoutS: 90,
    drainTimeoutS: 45,
    fanOutItems: 1_000,
    fanOutConcurrency: 100,
  },
  quick: {
    concurrency: 8,
    durationS: 6,
    warmupS: 2,
    rounds: 1,
    loopDurationS: 4,
    inFlight: [50, 200],
    progressIntervalMs: 2_000,
    rampTimeoutS: 60,
    drainTimeoutS: 30,
    fanOutItems: 100,
    fanOutConcurrency: 20,
  },
} satisfies Record<string, Partial<BenchOptions>>;

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0)
    throw new InvalidArgumentError('expected a positive integer');
  return parsed;
}

/** The agent's slots hold every job in flight: the configuration allows up to 10,000. */
const maxInFlight = 10_000;

function levels(value: string): number[] {
  const parsed = value.split(',').map((part) => Number(part.trim()));
  if (parsed.some((n) => !Number.isInteger(n) || n <= 0 || n > maxInFlight))
    throw new InvalidArgumentError(
      `expected comma-separated job counts from 1 to ${maxInFlight}, e.g. 100,1000,10000`,
    );
  return [...new Set(parsed)].sort((a, b) => a - b);
}

function sections(value: string): SectionName[] {
  const names = value.split(',').map((part) => part.trim());
  for (const name of names)
    if (!(sectionNames as readonly string[]).includes(name))
      throw new InvalidArgumentError(`unknown section "${name}"; use ${sectionNames.join(', ')}`);
  return names as SectionName[];
}

function progressInterval(value: string): number {
  const parsed = positiveInteger(value);
  // The workflow asks for progress every quarter of the progress timeout, clamped to this range.
  if (parsed < 200 || parsed > 30_000)
    throw new InvalidArgumentError('expected 200 to 30000 ms (the range the workflow can ask for)');
  return parsed;
}

interface Parsed {
  quick: boolean;
  only?: SectionName[];
  concurrency?: number;
  steps: number;
  duration?: number;
  warmup?: number;
  rounds?: number;
  loopDuration?: number;
  loopWindow: number;
  inFlight?: number[];
  progressIntervalMs?: number;
  rampTimeout?: number;
  drainTimeout?: number;
  fanOutItems?: number;
  fanOutConcurrency?: number;
  queueType: 'quorum' | 'classic';
  profile?: string | true;
  databaseUrl: string;
  amqpUrl: string;
}

/**
 * Reads the command line (`npm run bench -- --quick ...`).
 *
 * @throws CommanderError (printed by commander, exit code 1) for a bad option.
 */
export function parseOptions(argv: string[]): BenchOptions {
  const program = new Command('bench')
    .description(
      'bridged vs native benchmark: starts its own Temporal dev server, uses the local RabbitMQ and PostgreSQL',
    )
    .option('--quick', 'a short smoke run (small figures, a few seconds per section)', false)
    .option('--only <sections>', `comma-separated sections: ${sectionNames.join(', ')}`, sections)
    .option(
      '--concurrency <n>',
      'throughput: runs going at once per mode (32; quick 8)',
      positiveInteger,
    )
    .option('--steps <n>', 'throughput: no-op jobs per run', positiveInteger, 4)
    .option(
      '--duration <s>',
      'throughput: measured seconds per mode per round (15; quick 6)',
      positiveInteger,
    )
    .option(
      '--warmup <s>',
      'throughput: warm-up seconds before each window (5; quick 2)',
      positiveInteger,
    )
    .option('--rounds <n>', 'throughput: bridged/native alternations (2; quick 1)', positiveInteger)
    .option(
      '--loop-duration <s>',
      'broker-only loop: measured seconds (15; quick 4)',
      positiveInteger,
    )
    .option(
      '--loop-window <n>',
      'broker-only loop: requests outstanding at once',
      positiveInteger,
      64,
    )
    .option(
      '--in-flight <levels>',
      'in flight: jobs held at once (100,1000,10000; quick 50,200)',
      levels,
    )
    .option(
      '--progress-interval-ms <ms>',
      'in flight: progress interval of held jobs (30000; quick 2000)',
      progressInterval,
    )
    .option(
      '--ramp-timeout <s>',
      "in flight: longest wait for a level's jobs to all run (90; quick 60)",
      positiveInteger,
    )
    .option(
      '--drain-timeout <s>',
      "in flight: longest wait for a level's workflows to end after the release (45; quick 30)",
      positiveInteger,
    )
    .option('--fan-out-items <n>', 'fan-out: items of the run (1000; quick 100)', positiveInteger)
    .option('--fan-out-concurrency <n>', 'fan-out: items at once (100; quick 20)', positiveInteger)
    .addOption(
      new Option('--queue-type <type>', 'RabbitMQ queue type of the bench topology')
        .choices(['quorum', 'classic'])
        .default('quorum'),
    )
    .option(
      '--profile [dir]',
      'profile worker, bridge and agent over an extra bridged window; keep the .cpuprofile files in dir (.scratch/bench-profiles)',
    )
    .addOption(
      new Option('--database-url <url>', 'PostgreSQL server for the bench databases')
        .env('BENCH_DATABASE_URL')
        .default('postgres://127.0.0.1:5432/postgres'),
    )
    .addOption(
      new Option('--amqp-url <url>', 'RabbitMQ')
        .env('AMQP_URL')
        .default('amqp://guest:guest@127.0.0.1:5672'),
    )
    .allowExcessArguments(false);
  program.parse(argv, { from: 'user' });
  const parsed = program.opts<Parsed>();
  const base = parsed.quick ? defaults.quick : defaults.full;
  return {
    quick: parsed.quick,
    sections: parsed.only ?? [...sectionNames],
    concurrency: parsed.concurrency ?? base.concurrency,
    steps: parsed.steps,
    durationS: parsed.duration ?? base.durationS,
    warmupS: parsed.warmup ?? base.warmupS,
    rounds: parsed.rounds ?? base.rounds,
    loopDurationS: parsed.loopDuration ?? base.loopDurationS,
    loopWindow: parsed.loopWindow,
    inFlight: parsed.inFlight ?? base.inFlight,
    progressIntervalMs: parsed.progressIntervalMs ?? base.progressIntervalMs,
    rampTimeoutS: parsed.rampTimeout ?? base.rampTimeoutS,
    drainTimeoutS: parsed.drainTimeout ?? base.drainTimeoutS,
    fanOutItems: parsed.fanOutItems ?? base.fanOutItems,
    fanOutConcurrency: parsed.fanOutConcurrency ?? base.fanOutConcurrency,
    queueType: parsed.queueType,
    profileDir:
      parsed.profile === undefined
        ? undefined
        : parsed.profile === true
          ? '.scratch/bench-profiles'
          : parsed.profile,
    databaseUrl: parsed.databaseUrl,
    amqpUrl: parsed.amqpUrl,
  };
}
