import { describe, expect, it } from 'vitest';
import { JobLog, LOG_TAIL_BYTES } from '../agent/job-log.ts';
import { unseen } from '../cli/step-logs.ts';

describe('a job log', () => {
  it('keeps everything while it fits, and says nothing is cut', () => {
    const log = new JobLog(1024);
    log.append('héllo\n');
    log.append('');
    log.append('world\n');
    expect(log.written).toBe(Buffer.byteLength('héllo\nworld\n'));
    expect(log.whole()).toEqual({ text: 'héllo\nworld\n', bytes: 13, truncated: false });
    expect(log.tail()).toEqual({ text: 'héllo\nworld\n', bytes: 13, truncated: false });
  });

  it('keeps a character split between its start and its end whole', () => {
    const log = new JobLog(16);
    // The start holds 4 bytes: the 2-byte "é" straddles that bound.
    log.append('abcé');
    log.append('z');
    expect(log.whole().text).toBe('abcéz');
  });

  it('keeps the first quarter and the last three quarters of a long log, naming the cut', () => {
    const log = new JobLog(400);
    const lines = Array.from({ length: 100 }, (_, i) => `line ${String(i).padStart(3, '0')}\n`);
    for (const line of lines) log.append(line);
    const whole = log.whole();
    expect(whole.truncated).toBe(true);
    expect(whole.bytes).toBe(900);
    expect(whole.text.startsWith(lines.join('').slice(0, 100))).toBe(true);
    expect(whole.text.endsWith(lines.join('').slice(-300))).toBe(true);
    expect(whole.text).toContain('[caroni: 500 bytes of output cut here; the log keeps 400 bytes]');
  });

  it('gives progress only the last few KiB', () => {
    const log = new JobLog(1024 * 1024);
    log.append('x'.repeat(LOG_TAIL_BYTES));
    log.append('the end\n');
    const tail = log.tail();
    expect(tail.truncated).toBe(true);
    expect(Buffer.byteLength(tail.text)).toBe(LOG_TAIL_BYTES);
    expect(tail.text.endsWith('the end\n')).toBe(true);
  });
});

describe('following a log', () => {
  const snapshot = (text: string, bytes = Buffer.byteLength(text)) => ({
    text,
    bytes,
    attempt: 1,
    complete: false,
  });

  it('prints only the bytes after those already printed', () => {
    expect(unseen(snapshot('a\nb\n'), 0)).toEqual({ text: 'a\nb\n', printed: 4 });
    expect(unseen(snapshot('a\nb\nc\n'), 4)).toEqual({ text: 'c\n', printed: 6 });
    expect(unseen(snapshot('a\nb\nc\n'), 6)).toEqual({ text: '', printed: 6 });
  });

  it('counts bytes, not characters', () => {
    expect(unseen(snapshot('é\nü\n'), 3)).toEqual({ text: 'ü\n', printed: 6 });
  });

  it('says how much it missed when the tail no longer reaches back to what was printed', () => {
    // The tail holds the last 4 of 20 bytes; 10 were printed.
    expect(unseen(snapshot('end\n', 20), 10)).toEqual({
      text: '[caroni: 6 bytes of output not shown]\nend\n',
      printed: 20,
    });
  });
});
