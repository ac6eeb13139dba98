import { describe, expect, it } from 'vitest';
import { StepChanges } from '../api/run-events.ts';
import { visibilityQuery } from '../api/run-list.ts';
import { readServerEvents } from '../cli/run-events.ts';
import type { StepState } from '../workflows/messages.ts';

describe('the visibility query of a run listing', () => {
  it('lists top-level runs, not continued-as-new ones, unless a status asks for them', () => {
    expect(visibilityQuery({})).toBe(
      "WorkflowType = 'interpreter' AND ParentWorkflowId IS NULL AND ExecutionStatus != 'ContinuedAsNew'",
    );
    expect(
      visibilityQuery({
        statuses: ['CANCELLED', 'CONTINUED_AS_NEW'],
        workflow: 'example',
        version: 2,
        startedAfter: new Date('2025-01-31T12:00:00+01:00'),
        startedBefore: new Date('2025-02-01T00:00:00Z'),
      }),
    ).toBe(
      "WorkflowType = 'interpreter' AND ParentWorkflowId IS NULL" +
        " AND ExecutionStatus IN ('Canceled', 'ContinuedAsNew')" +
        " AND CaroniWorkflow = 'example' AND CaroniWorkflowVersion = 2" +
        " AND StartTime > '2025-01-31T11:00:00.000Z' AND StartTime < '2025-02-01T00:00:00.000Z'",
    );
  });

  it('keeps a quote or backslash inside its string literal', () => {
    expect(visibilityQuery({ workflow: "x' OR 'a'='a\\" })).toContain(
      "CaroniWorkflow = 'x'' OR ''a''=''a\\\\'",
    );
  });
});

describe('step changes', () => {
  it('reports a step again only when its state changed', () => {
    const changes = new StepChanges();
    const step = (id: string, status: StepState['status'], progress?: number): StepState => ({
      id,
      kind: 'job:test.echo',
      status,
      generation: 0,
      ...(progress === undefined ? {} : { progress }),
    });
    expect(changes.changed([step('a', 'queued'), step('b', 'pending')])).toHaveLength(2);
    expect(changes.changed([step('a', 'queued'), step('b', 'pending')])).toEqual([]);
    expect(changes.changed([step('a', 'running', 1), step('b', 'pending')])).toEqual([
      step('a', 'running', 1),
    ]);
    expect(changes.changed([step('a', 'running', 2), step('b', 'queued')])).toEqual([
      step('a', 'running', 2),
      step('b', 'queued'),
    ]);
  });
});

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe('reading server-sent events', () => {
  it('parses events split across chunks, with comments, CRLF and multi-line data', async () => {
    const events = [];
    const body = streamOf(
      ': keepalive\n\nevent: step\nid: 1\nda',
      'ta: {"id":"a"}\n\n',
      'event: end\r\nid: 2\r',
      '\ndata: line one\r\ndata: line two\r\n\r\n',
      'data: unnamed\n\nevent: dangling\n',
    );
    for await (const event of readServerEvents(body)) events.push(event);
    expect(events).toEqual([
      { event: 'step', id: '1', data: '{"id":"a"}' },
      { event: 'end', id: '2', data: 'line one\nline two' },
      { event: 'message', id: '2', data: 'unnamed' },
    ]);
  });
});
