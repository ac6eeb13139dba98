import { ConfigError } from './errors.ts';

/**
 * Failpoints: named places on the job path where the fault suite
 * (`npm run test:faults`, `test/faults/`) kills the process, to show that a
 * crash at that exact moment loses no run and runs no finished job again, or
 * where a test drops a message, as if lost on its way.
 * Every failpoint is a no-op unless `CARONI_FAILPOINTS` (or, in a test's own
 * process, {@link armFailpoints}) arms it.
 *
 * Grammar: `CARONI_FAILPOINTS=<name>=<action>[,<name>=<action>...]`, where
 * the action is `kill` (SIGKILL this process the first time it reaches the
 * point), `kill@N` (the Nth time, N ≥ 1), or `drop` / `drop@N` (the caller
 * discards what it holds at that one hit; only at {@link droppablePoints}).
 * Counts live in the process: one started again with the same variable dies
 * again at its Nth hit. Unknown names and actions are refused at start, so a
 * typo cannot quietly test nothing. Example:
 * `agent.before-ack=kill@3,agent.after-publish=kill`.
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
  /** A verified job result is about to be signalled; `drop` acks it unsignalled (bridge/replies.ts). */
  'bridge.before-result',
] as const;

export type FailpointName = (typeof failpointNames)[number];

/** The points whose callers can discard what they hold, so `drop` means something there. */
export const droppablePoints: readonly FailpointName[] = ['bridge.before-result'];

/** What an armed failpoint does, and at which hit. */
export interface FailpointAction {
  action: 'kill' | 'drop';
  hit: number;
}

/**
 * Parses the failpoint grammar (see above) into what each armed point does.
 *
 * @throws ConfigError naming the part that is not `<known name>=kill|drop[@N]`,
 *   or that asks for `drop` where nothing can be dropped.
 */
export function parseFailpoints(text: string): Map<FailpointName, FailpointAction> {
  const armed = new Map<FailpointName, FailpointAction>();
  const known: readonly string[] = failpointNames;
  for (const part of text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)) {
    const match = /^([a-z0-9.-]+)=(kill|drop)(?:@([1-9][0-9]*))?$/.exec(part);
    const name = match?.[1];
    if (!match || !name || !known.includes(name)) {
      throw new ConfigError(
        `CARONI_FAILPOINTS: "${part}" is not <name>=kill|drop or <name>=kill|drop@N (N ≥ 1) with a name among ${failpointNames.join(', ')}`,
      );
    }
    const action = match[2] === 'drop' ? 'drop' : 'kill';
    if (action === 'drop' && !droppablePoints.includes(name as FailpointName)) {
      throw new ConfigError(
        `CARONI_FAILPOINTS: "${part}" drops where nothing can be dropped; drop works at ${droppablePoints.join(', ')}`,
      );
    }
    armed.set(name as FailpointName, { action, hit: match[3] ? Number(match[3]) : 1 });
  }
  return armed;
}

// Read here, once, and not through common/config.ts: no deployment sets it, and passing it
// down through Config would change the signatures of every function that hosts a failpoint
// for a test's sake; the call sites stay one line and cost a map lookup when it is unset.
let armed = parseFailpoints(process.env.CARONI_FAILPOINTS ?? '');
const hits = new Map<FailpointName, number>();

/**
 * Arms failpoints in this process, replacing any armed before and starting
 * the counts afresh: for a test that runs the bridge or agent in its own
 * process (vitest gives each test file one) and drops a message there.
 * An empty string disarms them all.
 */
export function armFailpoints(text: string): void {
  armed = parseFailpoints(text);
  hits.clear();
}

/**
 * Marks a failpoint: when it is armed and this is the hit it names, `kill`
 * writes `failpoint <name>: kill` to stderr and SIGKILLs the process on the
 * spot (no handler, no cleanup: a crash), and `drop` returns true, telling
 * the caller to discard what it holds. Otherwise returns false.
 */
export function failpoint(name: FailpointName): boolean {
  const point = armed.get(name);
  if (point === undefined) return false;
  const hit = (hits.get(name) ?? 0) + 1;
  hits.set(name, hit);
  if (point.action === 'drop') return hit === point.hit;
  if (hit < point.hit) return false;
  // Synchronous on files and pipes: the suite reads it to tell this kill from a crash.
  process.stderr.write(`failpoint ${name}: kill (hit ${hit})\n`);
  process.kill(process.pid, 'SIGKILL');
  return false;
}
