// Workflow interceptors that put a run in its trace (bundled through
// `workflowInterceptorModules`, common/workflows-path.ts). Caroni's own rather
// than @temporalio/interceptors-opentelemetry's: those add yield points and
// draw span ids from the workflow's random generator, so histories recorded
// without them stop replaying (test/replay.test.ts caught it). These add no
// await, draw no random number and emit no command: a history replays the same
// with them or without, and with tracing off they only pass a header on.
import {
  defaultPayloadConverter,
  proxySinks,
  workflowInfo,
  type ActivityInput,
  type ConcludeActivationInput,
  type ContinueAsNewInput,
  type Next,
  type Sinks,
  type StartChildWorkflowExecutionInput,
  type WorkflowExecuteInput,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptors,
  type WorkflowInternalsInterceptor,
  type WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';

/**
 * The header Temporal's OpenTelemetry client and activity interceptors read
 * and write: the W3C fields (`traceparent`, `tracestate`) as a JSON payload.
 */
export const TRACE_HEADER = '_tracer-data';

/** A finished span of a run, as the `caroniTracing` sink receives it. */
export interface WorkflowSpan {
  name: string;
  traceId: string;
  spanId: string;
  /** The span that started the run (the client's, or the parent run's); none for a run that began its trace. */
  parentSpanId?: string;
  /** W3C trace flags of the run's context (1: sampled). */
  traceFlags: number;
  startMs: number;
  endMs: number;
  /** How the run ended: `completed`, `failed`, `cancelled` or `continued_as_new`. */
  outcome: string;
  /** The failure's message, for a failed run. */
  error?: string;
  attributes: Record<string, string | number>;
}

export interface TracingSinks extends Sinks {
  caroniTracing: { export(span: WorkflowSpan): void };
}

interface RunContext {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  traceFlags: number;
  traceState?: string;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** 16 hex digits from `text`: two 32-bit FNV-1a hashes. Deterministic, unlike span ids drawn at random. */
function hex64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * The run's span: its id comes from the run id, so a replay (after an
 * eviction or a worker restart) finds the same one; its parent from the
 * start headers, or, when they carry none (a scheduled run), a new trace
 * whose id also comes from the run id.
 */
function runContext(headers: WorkflowExecuteInput['headers']): RunContext {
  const { runId } = workflowInfo();
  const spanId = hex64(`span:${runId}`);
  const header = headers[TRACE_HEADER];
  const carrier = header
    ? defaultPayloadConverter.fromPayload<Record<string, unknown>>(header)
    : {};
  const match = TRACEPARENT.exec(String(carrier?.traceparent ?? ''));
  if (!match?.[1] || !match[2] || !match[3]) {
    return { traceId: hex64(`trace:${runId}`) + hex64(`trace2:${runId}`), spanId, traceFlags: 1 };
  }
  const traceState = typeof carrier?.tracestate === 'string' ? carrier.tracestate : undefined;
  return {
    traceId: match[1],
    spanId,
    parentSpanId: match[2],
    traceFlags: parseInt(match[3], 16),
    traceState,
  };
}

/** How a run ended, if this activation's commands end it. */
function ending({
  commands,
}: ConcludeActivationInput): { outcome: string; error?: string } | undefined {
  for (const command of commands) {
    if (command.completeWorkflowExecution) return { outcome: 'completed' };
    if (command.failWorkflowExecution) {
      return {
        outcome: 'failed',
        error: command.failWorkflowExecution.failure?.message ?? 'the run failed',
      };
    }
    if (command.cancelWorkflowExecution) return { outcome: 'cancelled' };
    if (command.continueAsNewWorkflowExecution) return { outcome: 'continued_as_new' };
  }
  return undefined;
}

export const interceptors = (): WorkflowInterceptors => {
  let run: RunContext | undefined;
  /** Headers with the run's span as the parent of what they start (an activity, a child run, the next run). */
  const withContext = <H extends Record<string, unknown>>(headers: H): H => {
    if (!run) return headers;
    const carrier: Record<string, string> = {
      traceparent: `00-${run.traceId}-${run.spanId}-${run.traceFlags.toString(16).padStart(2, '0')}`,
    };
    if (run.traceState) carrier.tracestate = run.traceState;
    return { ...headers, [TRACE_HEADER]: defaultPayloadConverter.toPayload(carrier) };
  };

  const inbound: WorkflowInboundCallsInterceptor = {
    execute(input: WorkflowExecuteInput, next: Next<WorkflowInboundCallsInterceptor, 'execute'>) {
      run = runContext(input.headers);
      return next(input);
    },
  };
  const outbound: WorkflowOutboundCallsInterceptor = {
    scheduleActivity(
      input: ActivityInput,
      next: Next<WorkflowOutboundCallsInterceptor, 'scheduleActivity'>,
    ) {
      return next({ ...input, headers: withContext(input.headers) });
    },
    startChildWorkflowExecution(
      input: StartChildWorkflowExecutionInput,
      next: Next<WorkflowOutboundCallsInterceptor, 'startChildWorkflowExecution'>,
    ) {
      return next({ ...input, headers: withContext(input.headers) });
    },
    continueAsNew(
      input: ContinueAsNewInput,
      next: Next<WorkflowOutboundCallsInterceptor, 'continueAsNew'>,
    ) {
      return next({ ...input, headers: withContext(input.headers) });
    },
  };
  const internals: WorkflowInternalsInterceptor = {
    // The run's span is reported when the command that ends the run is issued; a replay reports nothing.
    concludeActivation(input, next) {
      const ended = run && ending(input);
      if (run && ended) {
        const info = workflowInfo();
        proxySinks<TracingSinks>().caroniTracing.export({
          name: `run ${info.workflowType}`,
          traceId: run.traceId,
          spanId: run.spanId,
          parentSpanId: run.parentSpanId,
          traceFlags: run.traceFlags,
          startMs: info.runStartTime.getTime(),
          endMs: Date.now(),
          ...ended,
          attributes: {
            'temporal.workflow.id': info.workflowId,
            'temporal.run.id': info.runId,
            'temporal.workflow.type': info.workflowType,
            'temporal.namespace': info.namespace,
            'temporal.task_queue': info.taskQueue,
          },
        });
      }
      return next(input);
    },
  };
  return { inbound: [inbound], outbound: [outbound], internals: [internals] };
};
