import { ConfigError } from './errors.ts';

/**
 * Failpoints: named places on the job path where the fault suite
 * (`npm run test:faults`, `test/faults/`) kills the process, to show that a
 * crash at that exact moment loses no run and runs no finished job again.
 * Every failpoint is a no-op unless `CARONI_FAILPOINTS` arms it.
 *
 * Grammar: `CARONI_FAILPOINTS=<name>=<action>[,<name>=<action>...]`, where
 * the action is `kill` (SIGKILL this process the first time it reaches the
 * point) or `kill@N` (the Nth time, N ≥ 1). Counts live in the process: one
 * started again with the same variable dies again at its Nth hit. Unknown
 * names and actions are refused at start, so a typo cannot quietly test
 * nothing. Example: `agent.before-ack=kill@3,agent.after-publish=kill`.
 */
export const failpointNames = [
  /** The request is in the ledger, its delivery not yet acked (agent/take-request.ts). */
  'agent.before-ack',
  /** A running job's progress tick: the handler has run one progress interval (agent/run-job.ts). */
  'agent.job-running',
  /** The outcome and its result are committed, the result not yet published (agent/run-job.ts). */
  'agent.after-finish',
  /** A reply is confirmed by the broker, its outbox row not yet deleted (agent/outbox.ts). */
  'agent.after-publish',
  /** A job request is confirmed by the broker, the activity not yet completed (activities/bridge-activities.ts). */
  'bridge.after-publish',
  /** A verified reply is about to be signalled to its workflow (bridge/replies.ts). */
  'bridge.before-signal',
  /** A reply is signalled, its delivery not yet acked (bridge/replies.ts). */
  'bridge.after-signal',
] as const;

export type FailpointName = (typeof failpointNames)[number];

/**
 * Parses the failpoint grammar (see above) into the hit that kills, by name.
 *
 * @throws ConfigError naming the part that is not `<known name>=kill` or `kill@N`.
 */
export function parseFailpoints(text: string): Map<FailpointName, number> {
  const armed = new Map<FailpointName, number>();
  const known: readonly string[] = failpointNames;
  for (const part of text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)) {
    const match = /^([a-z0-9.-]+)=kill(?:@([1-9][0-9]*))?$/.exec(part);
    const name = match?.[1];
    if (!match || !name || !known.includes(name)) {
      throw new ConfigError(
        `CARONI_FAILPOINTS: "${part}" is not <name>=kill or <name>=kill@N (N ≥ 1) with a name among ${failpointNames.join(', ')}`,
      );
    }
    armed.set(name as FailpointName, match[2] ? Number(match[2]) : 1);
  }
  return armed;
}

// Read here, once, and not through common/config.ts: no deployment sets it, and passing it
// down through Config would change the signatures of every function that hosts a failpoint
// for a test's sake; the call sites stay one line and cost a map lookup when it is unset.
const armed = parseFailpoints(process.env.CARONI_FAILPOINTS ?? '');
const hits = new Map<FailpointName, number>();

/**
 * Marks a failpoint: when `CARONI_FAILPOINTS` arms `name` and this is the hit
 * it names, writes `failpoint <name>: kill` to stderr and SIGKILLs the
 * process on the spot (no handler, no cleanup: a crash). Otherwise nothing.
 */
export function failpoint(name: FailpointName): void {
  const killAt = armed.get(name);
  if (killAt === undefined) return;
  const hit = (hits.get(name) ?? 0) + 1;
  hits.set(name, hit);
  if (hit < killAt) return;
  // Synchronous on files and pipes: the suite reads it to tell this kill from a crash.
  process.stderr.write(`failpoint ${name}: kill (hit ${hit})\n`);
  process.kill(process.pid, 'SIGKILL');
}
