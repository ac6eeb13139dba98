/**
 * A program's output: bounded collectors for its streams (the agent keeps only
 * what it needs, the result line and the end of stderr, so a chatty program
 * cannot grow the agent's memory) and its JSON result.
 */

import { readFile, stat } from 'node:fs/promises';
import type { Json } from '../common/json.ts';
import { NonRetryableJobError } from './handler.ts';
import type { ProgramSecrets } from './secrets.ts';

const NEWLINE = 0x0a;

/** Keeps about the last `limit` bytes written to it. */
export class Tail {
  private chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly limit: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    for (let first = this.chunks[0]; first && this.size - first.length >= this.limit;) {
      this.chunks.shift();
      this.size -= first.length;
      first = this.chunks[0];
    }
  }

  /** The last `limit` bytes. */
  bytes(): Buffer {
    const all = Buffer.concat(this.chunks, this.size);
    return all.subarray(Math.max(0, all.length - this.limit));
  }

  /** The last `limit` bytes as UTF-8 (a character cut at the start shows as U+FFFD). */
  text(): string {
    return this.bytes().toString('utf8');
  }
}

/**
 * Splits a byte stream into lines (without their newline). A line longer than
 * `maxLine` is handed over in pieces of that size with `cut` set, so a stream
 * without newlines stays bounded too.
 */
export class LineSplitter {
  private partial: Buffer[] = [];
  private size = 0;

  constructor(
    private readonly maxLine: number,
    private readonly onLine: (line: Buffer, cut: boolean) => void,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      this.append(chunk.subarray(start, end));
      this.flush(false);
      start = end + 1;
    }
    this.append(chunk.subarray(start));
  }

  /** Hands over the last line if it had no newline. */
  end(): void {
    if (this.size > 0) this.flush(false);
  }

  private append(piece: Buffer): void {
    if (piece.length === 0) return;
    this.partial.push(piece);
    this.size += piece.length;
    if (this.size > this.maxLine) this.flush(true);
  }

  private flush(cut: boolean): void {
    const line = Buffer.concat(this.partial, this.size);
    this.partial = [];
    this.size = 0;
    this.onLine(line, cut);
  }
}

/**
 * Keeps the last non-blank line of stdout, which holds a program's JSON
 * result; earlier lines (the program's own logging) are dropped as they pass.
 */
export class LastLine {
  private last: Buffer | undefined;
  /** Set when a line was longer than the limit: the result cannot be trusted whole. */
  overflowed = false;
  private readonly lines: LineSplitter;

  constructor(limit: number) {
    this.lines = new LineSplitter(limit, (line, cut) => {
      if (cut) this.overflowed = true;
      else if (!isBlank(line)) this.last = line;
    });
  }

  /** @returns false once a line has overflowed the limit. */
  push(chunk: Buffer): boolean {
    this.lines.push(chunk);
    return !this.overflowed;
  }

  /** The last non-blank line; call once the stream has ended. */
  line(): string | undefined {
    this.lines.end();
    return this.last?.toString('utf8');
  }
}

function isBlank(line: Buffer): boolean {
  // Space, tab, vertical tab, form feed, carriage return.
  return line.every((byte) => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d));
}

/**
 * The program's result from its text (the last stdout line, or the output
 * file's content).
 *
 * @throws NonRetryableJobError `invalid_output` when it is missing or not JSON,
 *   `secret_in_output` when it holds a secret's value (it would reach the
 *   manager and both ledgers).
 */
export function parseResult(
  text: string | undefined,
  where: string,
  secrets: ProgramSecrets,
): Json {
  if (text === undefined) throw invalidOutput('the program printed nothing on stdout');
  const secret = secrets.foundIn(text);
  if (secret !== undefined) {
    throw new NonRetryableJobError(
      `the program's result (${where}) holds the value of secret ${secret}; it is not sent`,
      { type: 'secret_in_output' },
    );
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const what =
      where === 'stdout' ? 'the last line the program printed' : `the program's ${where}`;
    throw invalidOutput(`${what} is not JSON (${parsed.error}): ${text.slice(0, 200)}`);
  }
  return parsed.value;
}

/**
 * The text of a program's output file.
 *
 * @throws NonRetryableJobError `invalid_output` when it is missing, `output_too_large` past `maxBytes`.
 */
export async function readOutputFile(file: string, maxBytes: number): Promise<string> {
  const size = await stat(file).then(
    (info) => info.size,
    () => undefined,
  );
  if (size === undefined) throw invalidOutput(`the program wrote no output file ${file}`);
  if (size > maxBytes) {
    throw new NonRetryableJobError(`output file ${file} is larger than ${maxBytes} bytes`, {
      type: 'output_too_large',
    });
  }
  return readFile(file, 'utf8');
}

function invalidOutput(message: string): NonRetryableJobError {
  return new NonRetryableJobError(message, { type: 'invalid_output' });
}

export function parseJson(text: string): { ok: true; value: Json } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as Json };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
