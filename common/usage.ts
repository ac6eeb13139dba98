import type { caroni } from '../proto/generated/caroni.js';
import { toNumber } from './envelope.ts';

/**
 * What one job run used, as a signed `JobUsage` carries it (see the proto for
 * each field's exact span). Whole milliseconds and KiB.
 */
export interface JobUsageData {
  /** The attempt whose run was measured. */
  attempt: number;
  queueWaitMs: number;
  wallMs: number;
  slotMs: number;
  /** 0 unless the handler reported it (program handlers). */
  cpuMs: number;
  /** 0 unless the handler reported it (program handlers). */
  peakRssKb: number;
}

/** The summed fields of a set of runs. */
export interface UsageSums {
  jobs: number;
  queueWaitMs: number;
  wallMs: number;
  slotMs: number;
  cpuMs: number;
  peakRssKb: number;
}

/** One group's sums (a manager on the agent, an agent on the manager) with its job types'. */
export type UsageGroup<K extends string> = Record<K, string> &
  UsageSums & { jobTypes: (UsageSums & { jobType: string })[] };

/** Sums of one (party, job type), as both databases' totals queries return them. */
export interface UsageRow extends UsageSums {
  party: string;
  jobType: string;
}

/** A signed `JobUsage` for `usage`. */
export function toJobUsage(usage: JobUsageData): caroni.v1.IJobUsage {
  return { ...usage };
}

/** A received `JobUsage` in plain numbers; undefined when the result carries none. */
export function fromJobUsage(
  usage: caroni.v1.IJobUsage | null | undefined,
  resultAttempt: number,
): JobUsageData | undefined {
  if (!usage) return undefined;
  const n = (value: number | { toNumber(): number } | null | undefined) =>
    value == null ? 0 : toNumber(value);
  return {
    // An agent that leaves it unset measured the result's own attempt.
    attempt: usage.attempt || resultAttempt,
    queueWaitMs: n(usage.queueWaitMs),
    wallMs: n(usage.wallMs),
    slotMs: n(usage.slotMs),
    cpuMs: n(usage.cpuMs),
    peakRssKb: n(usage.peakRssKb),
  };
}

/**
 * Groups per-(party, job type) sums into one entry per party (`key` names its
 * field: `managerId`, `agentId`) holding its totals and its job types'.
 * Rows come sorted by party, then job type; the order is kept.
 */
export function groupUsage<K extends string>(rows: UsageRow[], key: K): UsageGroup<K>[] {
  const groups = new Map<string, UsageGroup<K>>();
  for (const { party, jobType, ...sums } of rows) {
    let group = groups.get(party);
    if (!group) {
      group = {
        [key]: party,
        jobs: 0,
        queueWaitMs: 0,
        wallMs: 0,
        slotMs: 0,
        cpuMs: 0,
        peakRssKb: 0,
        jobTypes: [],
      } as UsageGroup<K>;
      groups.set(party, group);
    }
    group.jobs += sums.jobs;
    group.queueWaitMs += sums.queueWaitMs;
    group.wallMs += sums.wallMs;
    group.slotMs += sums.slotMs;
    group.cpuMs += sums.cpuMs;
    group.peakRssKb += sums.peakRssKb;
    group.jobTypes.push({ jobType, ...sums });
  }
  return [...groups.values()];
}
