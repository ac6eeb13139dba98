import { SpanKind, SpanStatusCode, type Span, type Tracer } from '@opentelemetry/api';
import { contextFromHeaders, endWhenSettled } from '../common/trace-context.ts';
import type { JobRequestData } from './check-request.ts';
import type { TakeEffect } from './take-request.ts';

/** What became of a job taken here: how its run ended, or why it did not run. */
export type JobSpanOutcome = 'succeeded' | 'failed' | 'cancelled' | Exclude<TakeEffect, 'ran'>;

/**
 * The agent's span for a job it takes, from its verified request to the
 * handler's return, under the span of the bridge's publish (the request's
 * envelope headers); a new trace when the request carries none.
 */
export function startJobSpan(tracer: Tracer, request: JobRequestData, agentId: string): Span {
  return tracer.startSpan(
    `job ${request.jobType}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'caroni.job.id': request.jobId,
        'caroni.job.type': request.jobType,
        'caroni.job.attempt': request.attempt,
        'caroni.manager.id': request.managerId,
        'caroni.agent.id': agentId,
        'messaging.message.id': request.messageId,
        'temporal.workflow.id': request.ref.workflowId ?? '',
      },
    },
    contextFromHeaders(request.traceHeaders),
  );
}

/** Records the job's outcome on its span; a failed run marks it as an error. */
export function markOutcome(span: Span, outcome: JobSpanOutcome): void {
  span.setAttribute('caroni.job.outcome', outcome);
  if (outcome === 'failed') span.setStatus({ code: SpanStatusCode.ERROR, message: 'job failed' });
}

/**
 * Ends the job's span once taking it settles: a request not run here
 * (`duplicate`, `answered`) is marked so; a run marks its own outcome.
 */
export function endJobSpan(span: Span, taking: Promise<TakeEffect>): Promise<TakeEffect> {
  return endWhenSettled(
    span,
    taking.then((effect) => {
      if (effect !== 'ran') markOutcome(span, effect);
      return effect;
    }),
  );
}
