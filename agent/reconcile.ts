import type { caroni } from '../proto/generated/caroni.js';
import type { Sql } from '../common/db.ts';
import type { Body, KeyLookup } from '../common/envelope.ts';
import type { JsonObject } from '../common/json.ts';
import type { Logger } from '../common/log.ts';
import { openControl, staleness } from './check-cancel.ts';
import { AgentRefusalReason, refFromRecord } from './check-request.ts';

/** Most held jobs per `ReconcileJobs` message (the bridge answers at most this many). */
const CHUNK = 500;

export interface ReconcilerOptions {
  sql: Sql;
  /** The managers to ask: the ones trusted now. */
  managers: () => string[];
  /** Signs and publishes a body to a manager. @throws BrokerError */
  send: (managerId: string, body: Body) => Promise<void>;
  log: Logger;
  /** How often each manager is asked. Default 60 s. */
  intervalMs?: number;
  /** Finished jobs this recent are asked about too (their results may have been lost). Default 10 minutes. */
  windowMs?: number;
}

/**
 * Agent-driven reconciliation: at start and every interval, the agent tells
 * each trusted manager which of its jobs it runs or finished lately
 * (`ReconcileJobs`); the manager answers on the control queue with what its
 * runs still want (`JobVerdicts`, handled by the agent), so a result
 * published into a void is sent again and a job whose run has ended is
 * stopped within one interval.
 */
export class Reconciler {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;

  constructor(private readonly options: ReconcilerOptions) {}

  start(): void {
    this.runSoon();
    this.timer = setInterval(() => this.runSoon(), this.options.intervalMs ?? 60_000);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.round;
  }

  /** Asks every trusted manager now; resolves once the questions are published. */
  async runNow(): Promise<void> {
    const trusted = this.options.managers();
    const windowSecs = (this.options.windowMs ?? 10 * 60_000) / 1000;
    const rows = await this.options.sql<
      { manager_id: string; job_id: string; ref: JsonObject; attempt: number }[]
    >`
      select manager_id, job_id, ref, attempt from jobs
      where manager_id in ${this.options.sql(trusted.length > 0 ? trusted : [''])}
        and attempt > 0
        and (status = 'running' or finished_at > now() - make_interval(secs => ${windowSecs}))
      order by manager_id, job_id`;
    for (const managerId of trusted) {
      const held = rows
        .filter((row) => row.manager_id === managerId)
        .map((row) => ({
          jobId: row.job_id,
          ref: refFromRecord(row.ref),
          attempt: row.attempt,
        }));
      for (let start = 0; start < held.length; start += CHUNK) {
        try {
          await this.options.send(managerId, {
            reconcileJobs: { jobs: held.slice(start, start + CHUNK) },
          });
        } catch (error) {
          this.options.log.warn(
            { err: error, managerId },
            'could not ask a manager about its jobs',
          );
          break;
        }
      }
    }
  }

  private runSoon(): void {
    if (this.round) return;
    this.round = this.runNow()
      .catch((error: unknown) =>
        this.options.log.warn({ err: error }, 'could not read the ledger to reconcile'),
      )
      .finally(() => {
        this.round = undefined;
      });
  }
}

/** A verified `JobVerdicts`, keeping only verdicts about the signer's own jobs. */
export type CheckedVerdicts =
  | { ok: true; managerId: string; verdicts: caroni.v1.IJobVerdict[] }
  | { ok: false; reason: AgentRefusalReason; detail: string };

/**
 * Verifies a `JobVerdicts` from the control queue like a cancellation: a
 * trusted manager, addressed to this agent, signed within the freshness
 * window (a replayed old verdict could otherwise stop a job that is wanted).
 */
export function checkVerdicts(
  bytes: Uint8Array,
  {
    self,
    lookup,
    freshnessMs,
    now = Date.now(),
  }: { self: string; lookup: KeyLookup; freshnessMs: number; now?: number },
): CheckedVerdicts {
  const opened = openControl(bytes, self, lookup);
  if (!opened.ok) return opened;
  const { envelope, sentAtMs } = opened.opened;
  if (!envelope.jobVerdicts) {
    return {
      ok: false,
      reason: AgentRefusalReason.UnexpectedBody,
      detail: `a ${envelope.body} where job verdicts were expected`,
    };
  }
  const stale = staleness('job verdicts', sentAtMs, now, freshnessMs);
  if (stale) return { ok: false, reason: AgentRefusalReason.Stale, detail: stale };
  const managerId = envelope.sender;
  const verdicts = (envelope.jobVerdicts.jobs ?? []).filter(
    (verdict) => verdict.jobId && verdict.ref?.manager === managerId,
  );
  return { ok: true, managerId, verdicts };
}
