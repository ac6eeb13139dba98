import os from 'node:os';
import type { BenchOptions } from './options.ts';
import type { ProfileSummary } from './profile.ts';
import type { BrokerLoopResult } from './sections/broker-loop.ts';
import type { FanOutResult } from './sections/fan-out.ts';
import type { InFlightLevel } from './sections/in-flight.ts';
import type { ThroughputResult } from './sections/throughput.ts';
import { round } from './stats.ts';

export interface BenchResults {
  options: BenchOptions;
  argv: string[];
  startedAt: Date;
  loadBefore: number[];
  loadAfter: number[];
  elapsedS: number;
  throughput?: ThroughputResult;
  brokerLoop?: BrokerLoopResult;
  inFlight?: InFlightLevel[];
  fanOut?: FanOutResult;
  /** Per profiled process (`--profile`), where its busy time went in the extra bridged window. */
  profiles?: Record<string, ProfileSummary>;
  deadLetters: number;
  /** Dead letters before the in-flight section, whose terminated runs leave some behind by design. */
  deadLettersBeforeInFlight: number | undefined;
}

type Figures = Record<string, unknown>;

const processOrder = ['temporal', 'worker', 'bridge', 'agent', 'postgres', 'bench'];

/** CPU ms per job of the processes that serve this run alone. */
function ownTotal(cpuMsPerJob: Record<string, number>): number {
  return processOrder.reduce((sum, name) => sum + (cpuMsPerJob[name] ?? 0), 0);
}

/** Per process and their total; RabbitMQ, shared with whoever else uses the broker, apart. */
function perProcess(cpuMsPerJob: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of processOrder) {
    const ms = cpuMsPerJob[name];
    if (ms !== undefined) out[name] = round(ms, 3);
  }
  out.total = round(ownTotal(cpuMsPerJob), 3);
  if (cpuMsPerJob.rabbitmq !== undefined) out.rabbitmq_shared = round(cpuMsPerJob.rabbitmq, 3);
  return out;
}

function roundAll(values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([name, n]) => [name, round(n, 2)]));
}

function target(value: number | undefined, op: '>=' | '<=', limit: number) {
  if (value === undefined || Number.isNaN(value))
    return { target: `${op} ${limit}`, value: null, met: null };
  return { target: `${op} ${limit}`, value, met: op === '>=' ? value >= limit : value <= limit };
}

/** Every figure under a stable name: the bench's last line of output. */
export function figures(results: BenchResults): Figures {
  const { throughput: t, brokerLoop: b, inFlight, fanOut: f } = results;
  const out: Figures = {
    started_at: results.startedAt.toISOString(),
    elapsed_s: round(results.elapsedS, 1),
    command: ['npm', 'run', 'bench', ...(results.argv.length ? ['--', ...results.argv] : [])].join(
      ' ',
    ),
    machine: {
      cpus: os.cpus().length,
      cpu_model: os.cpus()[0]?.model ?? 'unknown',
      memory_gb: round(os.totalmem() / 1024 ** 3, 1),
      kernel: `${os.type()} ${os.release()}`,
      node: process.version,
    },
    load_before: results.loadBefore.map((n) => round(n)),
    load_after: results.loadAfter.map((n) => round(n)),
    quick: results.options.quick,
    queue_type: results.options.queueType,
    dead_letters: results.deadLetters,
    dead_letters_before_in_flight: results.deadLettersBeforeInFlight ?? null,
  };
  const targets: Figures = {};
  if (t) {
    const bridgedTotal = ownTotal(t.bridged.cpuMsPerJob);
    const nativeTotal = ownTotal(t.native.cpuMsPerJob);
    Object.assign(out, {
      concurrency: results.options.concurrency,
      steps: results.options.steps,
      bridged_jobs_per_s: round(t.bridged.jobsPerS, 1),
      native_jobs_per_s: round(t.native.jobsPerS, 1),
      throughput_ratio: round(t.bridged.jobsPerS / t.native.jobsPerS, 3),
      bridged_p50_ms: t.bridged.p50Ms,
      bridged_p95_ms: t.bridged.p95Ms,
      bridged_p99_ms: t.bridged.p99Ms,
      native_p50_ms: t.native.p50Ms,
      native_p95_ms: t.native.p95Ms,
      native_p99_ms: t.native.p99Ms,
      p50_overhead_ms: t.bridged.p50Ms - t.native.p50Ms,
      p95_overhead_ms: t.bridged.p95Ms - t.native.p95Ms,
      p99_overhead_ms: t.bridged.p99Ms - t.native.p99Ms,
      alone_bridged_p50_ms: t.alone.bridged.p50Ms,
      alone_bridged_p99_ms: t.alone.bridged.p99Ms,
      alone_native_p50_ms: t.alone.native.p50Ms,
      alone_native_p99_ms: t.alone.native.p99Ms,
      alone_p50_overhead_ms: t.alone.bridged.p50Ms - t.alone.native.p50Ms,
      alone_p99_overhead_ms: t.alone.bridged.p99Ms - t.alone.native.p99Ms,
      alone_cpu_ms_per_job: {
        bridged: perProcess(t.alone.bridged.cpuMsPerJob),
        native: perProcess(t.alone.native.cpuMsPerJob),
      },
      bridged_run_p50_ms: round(t.bridged.runP50Ms, 1),
      native_run_p50_ms: round(t.native.runP50Ms, 1),
      cpu_ms_per_job: {
        bridged: perProcess(t.bridged.cpuMsPerJob),
        native: perProcess(t.native.cpuMsPerJob),
      },
      cpu_ms_per_job_ratio: round(bridgedTotal / nativeTotal, 3),
      history_events_per_job: {
        bridged: roundAll(t.bridged.eventsPerJob),
        native: roundAll(t.native.eventsPerJob),
      },
      throughput_machine_busy_pct: {
        bridged: round(t.bridged.cpu.machineBusy * 100, 1),
        native: round(t.native.cpu.machineBusy * 100, 1),
      },
      throughput_measured_busy_pct: {
        bridged: round(t.bridged.cpu.measuredBusy * 100, 1),
        native: round(t.native.cpu.measuredBusy * 100, 1),
      },
    });
    targets.throughput_ratio = target(out.throughput_ratio as number, '>=', 0.9);
    targets.p50_overhead_ms = target(out.p50_overhead_ms as number, '<=', 5);
    targets.p99_overhead_ms = target(out.p99_overhead_ms as number, '<=', 25);
  }
  if (b) {
    Object.assign(out, {
      broker_loop_jobs_per_s: round(b.jobsPerS, 1),
      broker_loop_p50_ms: round(b.p50Ms, 2),
      broker_loop_p99_ms: round(b.p99Ms, 2),
      broker_loop_to_accepted_p50_ms: round(b.toAcceptedP50Ms, 2),
      broker_loop_accepted_to_result_p50_ms: round(b.toResultP50Ms, 2),
      broker_loop_cpu_ms_per_job: perProcess(b.cpuMsPerJob),
      broker_loop_agent_busy_pct: round(b.agentBusy * 100, 1),
      broker_loop_agent_capacity_jobs_per_s: round(b.agentCapacityJobsPerS, 1),
      broker_loop_crypto_share: round(b.profile.cryptoShare, 3),
      broker_loop_agent_profile_ms: Object.fromEntries(
        Object.entries(b.profile.categories).map(([name, ms]) => [name, round(ms, 1)]),
      ),
      ed25519_sign_us: round(b.signUs, 1),
      ed25519_verify_us: round(b.verifyUs, 1),
    });
    targets.broker_loop_jobs_per_s = target(b.jobsPerS, '>=', 2_000);
  }
  if (inFlight && inFlight.length > 0) {
    out.progress_interval_ms = results.options.progressIntervalMs;
    for (const level of inFlight) {
      Object.assign(out, {
        [`bridge_rss_mb_${level.jobs}`]: round(level.bridgeRssMb, 1),
        [`agent_rss_mb_${level.jobs}`]: round(level.agentRssMb, 1),
        [`bridge_heap_mb_${level.jobs}`]: round(level.bridgeHeapMb, 1),
        [`agent_heap_mb_${level.jobs}`]: round(level.agentHeapMb, 1),
        [`bridge_cpu_pct_${level.jobs}`]: round(level.bridgeCpuPct, 1),
        [`agent_cpu_pct_${level.jobs}`]: round(level.agentCpuPct, 1),
        [`temporal_cpu_pct_${level.jobs}`]: round(level.temporalCpuPct, 1),
        [`worker_cpu_pct_${level.jobs}`]: round(level.workerCpuPct, 1),
        [`in_flight_reached_${level.jobs}`]: level.reached,
        [`progress_sent_per_s_${level.jobs}`]: round(level.progressSentPerS, 1),
        [`progress_delivered_per_s_${level.jobs}`]: round(level.progressDeliveredPerS, 1),
        [`in_flight_ramp_s_${level.jobs}`]: round(level.rampS, 1),
        [`in_flight_drain_s_${level.jobs}`]: round(level.drainS, 1),
        [`in_flight_terminated_${level.jobs}`]: level.terminated,
      });
    }
    const first = inFlight[0];
    const last = inFlight[inFlight.length - 1];
    if (first && last) {
      out.bridge_rss_growth = round(last.bridgeRssMb / first.bridgeRssMb, 3);
      out.agent_rss_growth = round(last.agentRssMb / first.agentRssMb, 3);
      targets[`bridge_rss_${last.jobs}_vs_${first.jobs}`] = {
        ...target(out.bridge_rss_growth as number, '<=', 1.1),
        ...(last.reached < last.jobs
          ? { note: `measured with ${last.reached} of ${last.jobs} jobs running (ramp budget)` }
          : {}),
      };
    }
  }
  if (f) {
    Object.assign(out, {
      fanout_items: f.items,
      fanout_concurrency: f.concurrency,
      fanout_bridged_s: round(f.bridged.runS, 2),
      fanout_native_s: round(f.native.runS, 2),
      fanout_ratio: round(f.bridged.runS / f.native.runS, 3),
      fanout_cpu_ms_per_job: {
        bridged: perProcess(f.bridged.cpuMsPerJob),
        native: perProcess(f.native.cpuMsPerJob),
      },
    });
    targets.fanout_ratio = target(out.fanout_ratio as number, '<=', 1.2);
  }
  if (results.profiles) {
    out.profiles = Object.fromEntries(
      Object.entries(results.profiles).map(([name, summary]) => [
        name,
        {
          active_ms: round(summary.activeMs, 1),
          crypto_share: round(summary.cryptoShare, 3),
          categories_ms: Object.fromEntries(
            Object.entries(summary.categories).map(([category, ms]) => [category, round(ms, 1)]),
          ),
        },
      ]),
    );
  }
  out.targets = targets;
  return out;
}

/** Lays out rows as columns: the first left-aligned, the others right-aligned. */
function table(title: string, rows: (string | number)[][]): string {
  const cells = rows.map((row) =>
    row.map((cell) => (typeof cell === 'number' ? format(cell) : cell)),
  );
  const widths =
    cells[0]?.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length))) ?? [];
  const lines = cells.map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  '),
  );
  return [`\n${title}`, ...lines].join('\n');
}

function format(value: number): string {
  if (!Number.isFinite(value)) return '-';
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** The human-readable tables, one per section that ran. */
export function tables(results: BenchResults): string {
  const parts: string[] = [];
  const { throughput: t, brokerLoop: b, inFlight, fanOut: f } = results;
  if (t) {
    const { bridged, native } = t;
    const row = (label: string, pick: (m: typeof bridged) => number) => [
      label,
      pick(bridged),
      pick(native),
      pick(bridged) / pick(native),
    ];
    const cpuRows = processOrder
      .filter((name) => t.bridged.cpuMsPerJob[name] !== undefined)
      .map((name) => row(`CPU ms/job ${name}`, (m) => m.cpuMsPerJob[name] ?? Number.NaN));
    parts.push(
      table(
        `Bridged vs native: ${results.options.concurrency} concurrent runs of ${results.options.steps} no-op jobs`,
        [
          ['', 'bridged', 'native', 'ratio'],
          row('jobs/s', (m) => m.jobsPerS),
          row('job latency p50 ms', (m) => m.p50Ms),
          row('job latency p95 ms', (m) => m.p95Ms),
          row('job latency p99 ms', (m) => m.p99Ms),
          row('run p50 ms', (m) => m.runP50Ms),
          ...cpuRows,
          row('CPU ms/job total', (m) => ownTotal(m.cpuMsPerJob)),
          row('CPU ms/job rabbitmq (shared)', (m) => m.cpuMsPerJob.rabbitmq ?? Number.NaN),
          row('history events/job', (m) => m.eventsPerJob.total ?? Number.NaN),
          row('machine busy %', (m) => m.cpu.machineBusy * 100),
        ],
      ),
      table('One run at a time', [
        ['', 'bridged', 'native', 'ratio'],
        ...(['p50', 'p95', 'p99'] as const).map((p) => {
          const key = `${p}Ms` as const;
          return [
            `job latency ${p} ms`,
            t.alone.bridged[key],
            t.alone.native[key],
            t.alone.bridged[key] / t.alone.native[key],
          ];
        }),
        [
          'CPU ms/job total',
          ownTotal(t.alone.bridged.cpuMsPerJob),
          ownTotal(t.alone.native.cpuMsPerJob),
          ownTotal(t.alone.bridged.cpuMsPerJob) / ownTotal(t.alone.native.cpuMsPerJob),
        ],
      ]),
    );
  }
  if (b) {
    parts.push(
      table('Broker-only loop (no Temporal), one agent process', [
        ['jobs/s', b.jobsPerS],
        ['latency p50 / p99 ms', `${format(b.p50Ms)} / ${format(b.p99Ms)}`],
        [
          'p50 published → accepted / accepted → result ms',
          `${format(b.toAcceptedP50Ms)} / ${format(b.toResultP50Ms)}`,
        ],
        ['agent CPU ms/job', b.cpuMsPerJob.agent ?? Number.NaN],
        ['agent busy % of a core', b.agentBusy * 100],
        ['agent capacity jobs/s (1000 / CPU ms)', b.agentCapacityJobsPerS],
        ['bench (manager side) CPU ms/job', b.cpuMsPerJob.bench ?? Number.NaN],
        ['crypto share of agent CPU (profile)', `${(b.profile.cryptoShare * 100).toFixed(1)}%`],
        ['Ed25519 sign / verify µs', `${format(b.signUs)} / ${format(b.verifyUs)}`],
      ]),
    );
  }
  if (f) {
    parts.push(
      table(`Fan-out: ${f.items} items at concurrency ${f.concurrency}`, [
        ['', 'bridged', 'native', 'ratio'],
        ['run s', f.bridged.runS, f.native.runS, f.bridged.runS / f.native.runS],
        ['jobs/s', f.bridged.jobsPerS, f.native.jobsPerS, f.bridged.jobsPerS / f.native.jobsPerS],
      ]),
    );
  }
  if (inFlight && inFlight.length > 0) {
    parts.push(
      table(`In flight (progress every ${results.options.progressIntervalMs} ms)`, [
        [
          'jobs',
          'reached',
          'bridge RSS MB',
          'agent RSS MB',
          'bridge heap MB',
          'agent heap MB',
          'bridge CPU %',
          'agent CPU %',
          'temporal CPU %',
          'worker CPU %',
          'progress sent/s',
          'delivered/s',
          'ramp s',
          'drain s',
        ],
        ...inFlight.map((l) => [
          String(l.jobs),
          String(l.reached),
          l.bridgeRssMb,
          l.agentRssMb,
          l.bridgeHeapMb,
          l.agentHeapMb,
          l.bridgeCpuPct,
          l.agentCpuPct,
          l.temporalCpuPct,
          l.workerCpuPct,
          l.progressSentPerS,
          l.progressDeliveredPerS,
          l.rampS,
          l.drainS,
        ]),
      ]),
    );
  }
  if (results.profiles) {
    for (const [name, summary] of Object.entries(results.profiles)) {
      parts.push(
        table(`Profile of ${name} (extra bridged window): busy ${format(summary.activeMs)} ms`, [
          ['category', 'ms', '%'],
          ...Object.entries(summary.categories).map(([category, ms]) => [
            category,
            ms,
            (ms / summary.activeMs) * 100,
          ]),
        ]),
        table(`Top self time in ${name}`, [
          ['function', 'where', 'ms', '%'],
          ...summary.top.map((entry) => [
            entry.fn.length > 60 ? `${entry.fn.slice(0, 57)}...` : entry.fn,
            entry.where,
            entry.selfMs,
            entry.share * 100,
          ]),
        ]),
      );
    }
  }
  const terminated = (inFlight ?? []).reduce((sum, level) => sum + level.terminated, 0);
  if (terminated > 0)
    parts.push(
      `\n${terminated} hold workflows outlived the drain budget and were terminated: their late replies are dead letters (run_closed)`,
    );
  const before =
    results.deadLettersBeforeInFlight === undefined
      ? ''
      : ` (${results.deadLettersBeforeInFlight} before the in-flight section)`;
  parts.push(
    `\nload average before ${results.loadBefore.map((n) => n.toFixed(2)).join(' ')}, after ${results.loadAfter.map((n) => n.toFixed(2)).join(' ')}; dead letters: ${results.deadLetters}${before}`,
  );
  return parts.join('\n');
}
