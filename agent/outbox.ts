import { caroni } from '../proto/generated/caroni.js';
import type { TransactionSql } from 'postgres';
import type { Sql } from '../common/db.ts';
import type { Body, BodyKind } from '../common/envelope.ts';
import { failpoint } from '../common/failpoints.ts';
import type { Logger } from '../common/log.ts';
import type { TraceHeaders } from '../common/trace-context.ts';

/** A reply waiting in the outbox. */
export interface OutboxEntry {
  id: string;
  managerId: string;
  jobId: string;
  body: Body;
  /** The trace context its job's ledger row keeps, sent in the envelope's headers. */
  headers: TraceHeaders;
}

interface OutboxRow {
  id: string;
  manager_id: string;
  job_id: string;
  body: Uint8Array;
  /** Null when the job has no ledger row (a rejection). */
  trace_context: TraceHeaders | null;
}

/** Anything that can run the outbox's statements: the pool or a transaction. */
type Queryable = Sql | TransactionSql;

function kindOf(body: Body): BodyKind {
  return Object.keys(body)[0] as BodyKind;
}

/** The body alone, as protobuf: the envelope's other fields are filled in when it is sealed. */
function encodeBody(body: Body): Uint8Array {
  return caroni.v1.Envelope.encode(body).finish();
}

function decodeBody(bytes: Uint8Array): Body {
  const envelope = caroni.v1.Envelope.decode(bytes);
  const kind = envelope.body;
  if (!kind) throw new Error('an outbox row without a body');
  return { [kind]: envelope[kind] } as Body;
}

/**
 * The trace context of an outbox row's job, read from the ledger whenever the
 * row is (written or swept), so a reply published again after a restart
 * still carries it.
 */
function traceContextOf(sql: Queryable) {
  return sql`(select trace_context from jobs j
    where j.manager_id = outbox.manager_id and j.job_id = outbox.job_id) as trace_context`;
}

function entry(row: OutboxRow): OutboxEntry {
  return {
    id: String(row.id),
    managerId: row.manager_id,
    jobId: row.job_id,
    body: decodeBody(row.body),
    headers: row.trace_context ?? {},
  };
}

export interface OutboxOptions {
  sql: Sql;
  /** Seals and publishes a reply with `headers`; resolves on the broker's confirm. @throws BrokerError */
  publish: (managerId: string, body: Body, headers: TraceHeaders) => Promise<void>;
  log: Logger;
  /** How often replies left unconfirmed are published again. Default 5 s. */
  retryMs?: number;
}

/**
 * The agent's outbox: every reply is written to the agent's database before
 * it is published and deleted once the broker confirms it, so a crash or a
 * broker outage between the two cannot lose it. What is left is published
 * again (signed anew) at start and every `retryMs`; a reply may therefore
 * reach the manager twice, which every reply tolerates (a step ends once).
 */
export class Outbox {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  /** Entries being published now: a sweep leaves them alone rather than send them twice. */
  private readonly publishing = new Set<string>();

  constructor(private readonly options: OutboxOptions) {}

  /** Publishes what a previous run left, then keeps retrying unconfirmed replies. */
  start(): void {
    const retryMs = this.options.retryMs ?? 5_000;
    // At start everything left is a leftover; later, only what has waited a whole period.
    this.sweep(0);
    this.timer = setInterval(() => this.sweep(retryMs), retryMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.sweeping;
  }

  /**
   * Writes a reply (inside `tx` when the caller's transaction must include it).
   * A job's progress replaces its unsent progress, under a new id, so a
   * publish of the older value cannot delete the newer one.
   */
  async enqueue(tx: Queryable, managerId: string, jobId: string, body: Body): Promise<OutboxEntry> {
    const kind = kindOf(body);
    const bytes = encodeBody(body);
    const [row] =
      kind === 'jobProgress'
        ? await tx<OutboxRow[]>`
            insert into outbox (manager_id, job_id, kind, body)
            values (${managerId}, ${jobId}, ${kind}, ${bytes})
            on conflict (manager_id, job_id) where kind = 'jobProgress'
            do update set body = excluded.body, id = nextval('outbox_id_seq'),
              created_at = now(), publish_count = 0
            returning id, manager_id, job_id, body, ${traceContextOf(tx)}`
        : await tx<OutboxRow[]>`
            insert into outbox (manager_id, job_id, kind, body)
            values (${managerId}, ${jobId}, ${kind}, ${bytes})
            returning id, manager_id, job_id, body, ${traceContextOf(tx)}`;
    if (!row) throw new Error('the outbox insert returned no row');
    return entry(row);
  }

  /**
   * Publishes an entry and deletes it once confirmed. Never rejects: a
   * failed publish stays in the outbox for the next sweep.
   */
  async publish(item: OutboxEntry): Promise<void> {
    if (this.publishing.has(item.id)) return;
    this.publishing.add(item.id);
    try {
      await this.publishOnce(item);
    } finally {
      this.publishing.delete(item.id);
    }
  }

  private async publishOnce(item: OutboxEntry): Promise<void> {
    try {
      await this.options.publish(item.managerId, item.body, item.headers);
    } catch (error) {
      this.options.log.warn(
        { err: error, jobId: item.jobId, reply: kindOf(item.body) },
        'could not publish a reply; it stays in the outbox',
      );
      await this.options.sql`
        update outbox set publish_count = publish_count + 1 where id = ${item.id}`.catch(
        () => undefined,
      );
      return;
    }
    failpoint('agent.after-publish');
    await this.options.sql`delete from outbox where id = ${item.id}`.catch((error: unknown) => {
      // Published but not forgotten: the sweep sends it once more, which the manager tolerates.
      this.options.log.warn({ err: error, jobId: item.jobId }, 'could not clear a sent reply');
    });
  }

  /**
   * Writes and publishes a reply. If the database cannot take it, the reply
   * is published all the same (an outage must not silence the agent), without
   * the outbox's guarantee. Never rejects.
   */
  async send(managerId: string, jobId: string, body: Body): Promise<void> {
    let item: OutboxEntry;
    try {
      item = await this.enqueue(this.options.sql, managerId, jobId, body);
    } catch (error) {
      this.options.log.error(
        { err: error, jobId, reply: kindOf(body) },
        'could not write a reply to the outbox; publishing it without',
      );
      await this.options.publish(managerId, body, {}).catch((failure: unknown) => {
        this.options.log.error({ err: failure, jobId }, 'could not publish a reply');
      });
      return;
    }
    await this.publish(item);
  }

  /** Replies written more than a retry period ago and still here (crash, broker outage). */
  async pending(olderThanMs: number): Promise<OutboxEntry[]> {
    const rows = await this.options.sql<OutboxRow[]>`
      select id, manager_id, job_id, body, ${traceContextOf(this.options.sql)} from outbox
      where created_at <= now() - make_interval(secs => ${olderThanMs / 1000})
      order by id`;
    return rows.map(entry);
  }

  /**
   * Publishes everything waiting now (the broker is back), unless a sweep is
   * running. A reply being sent this moment may go out twice: tolerated.
   */
  sweepNow(): void {
    this.sweep(0);
  }

  private sweep(olderThanMs: number): void {
    if (this.sweeping) return;
    this.sweeping = (async () => {
      for (const item of await this.pending(olderThanMs)) await this.publish(item);
    })()
      .catch((error: unknown) =>
        this.options.log.warn({ err: error }, 'could not read the outbox; will retry'),
      )
      .finally(() => {
        this.sweeping = undefined;
      });
  }
}
