import {
  context,
  propagation,
  ProxyTracerProvider,
  SpanKind,
  SpanStatusCode,
  type Tracer,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  ExportResultCode,
  hrTimeDuration,
  hrTimeToMilliseconds,
  millisToHrTime,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import type { ClientInterceptors } from '@temporalio/client';
import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker';
import type { TracingSinks, WorkflowSpan } from '../workflows/tracing-interceptors.ts';
import { softwareVersion } from './version.ts';

/** Where spans go: nowhere (the default), an OTLP/HTTP collector, or JSON lines on stderr. */
export const TracingExporter = { Off: 'off', Otlp: 'otlp', Console: 'console' } as const;
export type TracingExporter = (typeof TracingExporter)[keyof typeof TracingExporter];

export interface TracingConfig {
  exporter: TracingExporter;
  /** The collector's OTLP/HTTP traces URL (…/v1/traces), for `otlp`. */
  otlpTracesUrl: string;
}

/** The process roles a trace is told apart by: each exports as `service.name` `caroni-<role>`. */
export type TracedRole = 'manager' | 'bridge' | 'agent' | 'api';

/**
 * One role's tracing, and the Temporal wiring that puts its spans in the
 * run's trace. Built by {@link startTracing}; {@link noTracing} when off.
 */
export interface Tracing {
  readonly tracer: Tracer;
  /**
   * The sinks every Worker that runs Caroni's workflow bundle registers: the
   * bundle's tracing interceptors (workflows/tracing-interceptors.ts) report
   * each run's span through them. Registered when tracing is off too, where
   * they drop the spans, so the bundle is the same either way.
   */
  readonly workflowSinks: InjectedSinks<TracingSinks>;
  /** For a Temporal client that starts or signals runs: the run's spans join the caller's trace. */
  readonly clientInterceptors: ClientInterceptors;
  /** For an activity Worker: each activity runs in a span under the workflow's. */
  readonly activityInterceptors: ActivityInterceptorsFactory[];
  /** Exports what is still buffered and stops; later spans are dropped. */
  shutdown(): Promise<void>;
}

/** Tracing switched off: no exporter, no interceptors, a no-op tracer; the workflow sink drops spans. */
export const noTracing: Tracing = {
  tracer: new ProxyTracerProvider().getTracer('caroni'),
  workflowSinks: { caroniTracing: { export: { fn: () => undefined } } },
  clientInterceptors: {},
  activityInterceptors: [],
  shutdown: async () => undefined,
};

let globalsRegistered = false;

/**
 * Temporal's interceptors read the active context and propagate through the
 * global API, so a process that traces registers an async-local context
 * manager and the W3C propagator once, whatever roles it runs.
 */
function registerGlobals(): void {
  if (globalsRegistered) return;
  globalsRegistered = true;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
}

/**
 * Starts tracing for one role of the process (`caroni dev` starts one per
 * role and party, each exporting under its own `service.name`), or returns
 * {@link noTracing} when `config.exporter` is `off`. Spans are batched;
 * {@link Tracing.shutdown} exports the rest.
 */
export function startTracing(config: TracingConfig, role: TracedRole, party: string): Tracing {
  if (config.exporter === TracingExporter.Off) return noTracing;
  registerGlobals();
  const resource = new Resource({
    'service.name': `caroni-${role}`,
    'service.namespace': 'caroni',
    'service.version': softwareVersion,
    'caroni.party': party,
  });
  const exporter =
    config.exporter === TracingExporter.Otlp
      ? new OTLPTraceExporter({ url: config.otlpTracesUrl })
      : new JsonLinesExporter();
  const processor = new BatchSpanProcessor(exporter);
  const provider = new BasicTracerProvider({ resource, spanProcessors: [processor] });
  const tracer = provider.getTracer('caroni', softwareVersion);
  return {
    tracer,
    workflowSinks: {
      caroniTracing: {
        export: { fn: (_info, span) => processor.onEnd(readableSpan(span, resource)) },
      },
    },
    clientInterceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor({ tracer })] },
    activityInterceptors: [
      (ctx) => ({
        inbound: new OpenTelemetryActivityInboundInterceptor(ctx, { tracer }),
        outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
      }),
    ],
    shutdown: () => provider.shutdown(),
  };
}

/** A run's span from the workflow sandbox, as the span processor takes it. */
function readableSpan(span: WorkflowSpan, resource: Resource): ReadableSpan {
  const startTime = millisToHrTime(span.startMs);
  const endTime = millisToHrTime(span.endMs);
  const spanContext = { traceId: span.traceId, spanId: span.spanId, traceFlags: span.traceFlags };
  return {
    name: span.name,
    kind: SpanKind.INTERNAL,
    spanContext: () => spanContext,
    parentSpanId: span.parentSpanId,
    startTime,
    endTime,
    duration: hrTimeDuration(startTime, endTime),
    status:
      span.outcome === 'failed'
        ? { code: SpanStatusCode.ERROR, message: span.error }
        : { code: SpanStatusCode.OK },
    attributes: { ...span.attributes, 'caroni.run.outcome': span.outcome },
    links: [],
    events: [],
    ended: true,
    resource,
    instrumentationLibrary: { name: 'caroni-workflow', version: softwareVersion },
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
}

/**
 * `console`: one JSON line per span on stderr, beside the logs, since a
 * command's stdout carries its result (`caroni dev` prints the example's output).
 */
class JsonLinesExporter implements SpanExporter {
  export(spans: ReadableSpan[], done: (result: { code: ExportResultCode }) => void): void {
    for (const span of spans) {
      const { traceId, spanId } = span.spanContext();
      const line = {
        span: span.name,
        service: span.resource.attributes['service.name'],
        traceId,
        spanId,
        parentSpanId: span.parentSpanId,
        durationMs: hrTimeToMilliseconds(span.duration),
        status: span.status.code,
        attributes: span.attributes,
      };
      process.stderr.write(`${JSON.stringify(line)}\n`);
    }
    done({ code: ExportResultCode.SUCCESS });
  }

  async shutdown(): Promise<void> {}
}
