import {
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type SpanKind,
  type Tracer,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/**
 * Trace context across the broker: W3C `traceparent` (and `tracestate`) in
 * the `SignedEnvelope`'s unsigned headers. A propagator of its own rather
 * than the global one, so a process that does not trace still passes on the
 * context it was handed (a no-op span keeps its parent's ids).
 */
const w3c = new W3CTraceContextPropagator();

/** Envelope headers carrying trace context. */
export type TraceHeaders = Record<string, string>;

/** The trace context of `ctx` (default: the active one) as envelope headers; empty when it holds no span. */
export function traceHeaders(ctx: Context = context.active()): TraceHeaders {
  const headers: TraceHeaders = {};
  w3c.inject(ctx, headers, defaultTextMapSetter);
  return headers;
}

/** The trace context of `span` alone, as envelope headers (what the agent's ledger keeps for a job). */
export function spanHeaders(span: Span): TraceHeaders {
  return traceHeaders(trace.setSpan(ROOT_CONTEXT, span));
}

/** The context that envelope headers carry, to continue their trace; the root context when they carry none. */
export function contextFromHeaders(headers: TraceHeaders): Context {
  return w3c.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
}

export interface SpanOptions {
  kind: SpanKind;
  attributes?: Attributes;
  /** The span's parent; default the active context. */
  parent?: Context;
}

/**
 * Runs `fn` in a new span, active while it runs: the span ends when `fn`
 * settles (see {@link endWhenSettled}).
 */
export function inSpan<T>(
  tracer: Tracer,
  name: string,
  { kind, attributes, parent = context.active() }: SpanOptions,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const span = tracer.startSpan(name, { kind, attributes }, parent);
  return endWhenSettled(
    span,
    context.with(trace.setSpan(parent, span), () => fn(span)),
  );
}

/**
 * Ends `span` once `work` settles, marked as an error (with the exception)
 * when it rejects. @returns what `work` resolves to.
 */
export async function endWhenSettled<T>(span: Span, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}
