import type { TransactionSql } from 'postgres';
import type { Sql } from '../common/db.ts';
import { Tail } from './program-output.ts';

/** How much of the log's end each progress message carries. */
export const LOG_TAIL_BYTES = 4 * 1024;

/** A job's log as it travels: text (UTF-8), how many bytes were written in all, and whether some are missing from `text`. */
export interface JobLogData {
  text: string;
  bytes: number;
  truncated: boolean;
}

/**
 * A running job's log (a program's stdout and stderr, in arrival order),
 * bounded: it keeps the first quarter of `maxBytes` and the last three
 * quarters, so both how a job started and how it ended survive a chatty
 * program, with one line in between saying how much was cut.
 */
export class JobLog {
  private readonly head: Buffer[] = [];
  private headSize = 0;
  private readonly headLimit: number;
  private readonly end: Tail;
  private readonly endLimit: number;
  private readonly recent = new Tail(LOG_TAIL_BYTES);
  private writtenBytes = 0;

  constructor(readonly maxBytes: number) {
    this.headLimit = Math.floor(maxBytes / 4);
    this.endLimit = maxBytes - this.headLimit;
    this.end = new Tail(this.endLimit);
  }

  append(text: string): void {
    if (text === '') return;
    const bytes = Buffer.from(text, 'utf8');
    this.writtenBytes += bytes.length;
    this.recent.push(bytes);
    const room = this.headLimit - this.headSize;
    if (room > 0) {
      const kept = bytes.subarray(0, room);
      this.head.push(kept);
      this.headSize += kept.length;
      if (kept.length === bytes.length) return;
      this.end.push(bytes.subarray(room));
      return;
    }
    this.end.push(bytes);
  }

  /** Bytes appended in all. */
  get written(): number {
    return this.writtenBytes;
  }

  /** The last {@link LOG_TAIL_BYTES} bytes, for a progress message. */
  tail(): JobLogData {
    const text = this.recent.text();
    return { text, bytes: this.writtenBytes, truncated: this.writtenBytes > LOG_TAIL_BYTES };
  }

  /** The whole log if it fit in `maxBytes`, else its head, a line saying how much was cut, and its end. */
  whole(): JobLogData {
    const head = Buffer.concat(this.head, this.headSize);
    const afterHead = this.writtenBytes - this.headSize;
    if (afterHead <= this.endLimit) {
      // Joined as bytes: a character split between head and end stays whole.
      const text = Buffer.concat([head, this.end.bytes()]).toString('utf8');
      return { text, bytes: this.writtenBytes, truncated: false };
    }
    const cut = afterHead - this.endLimit;
    return {
      text: `${head.toString('utf8')}\n[caroni: ${cut} bytes of output cut here; the log keeps ${this.maxBytes} bytes]\n${this.end.text()}`,
      bytes: this.writtenBytes,
      truncated: true,
    };
  }
}

/** Stores the log of a finished run, in the transaction that finishes its ledger row. */
export async function storeJobLog(
  sql: Sql | TransactionSql,
  job: { managerId: string; jobId: string; attempt: number },
  log: JobLogData,
): Promise<void> {
  await sql`
    insert into job_logs (manager_id, job_id, attempt, text, bytes, truncated)
    values (${job.managerId}, ${job.jobId}, ${job.attempt}, ${log.text}, ${log.bytes},
            ${log.truncated})
    on conflict (manager_id, job_id, attempt) do nothing`;
}

/** The stored log of a finished run, for a result answered from the ledger; undefined when it wrote none. */
export async function storedJobLog(
  sql: Sql,
  managerId: string,
  jobId: string,
  attempt: number,
): Promise<JobLogData | undefined> {
  const [row] = await sql<{ text: string; bytes: string; truncated: boolean }[]>`
    select text, bytes, truncated from job_logs
    where manager_id = ${managerId} and job_id = ${jobId} and attempt = ${attempt}`;
  // bigint arrives as a string; a log's size is far below 2^53.
  return row && { text: row.text, bytes: Number(row.bytes), truncated: row.truncated };
}
