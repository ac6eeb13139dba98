-- The W3C trace context (traceparent, tracestate) of the agent's span for a
-- job, as envelope headers: every reply about the job carries it, also one
-- the outbox publishes again after a restart, so the manager's bridge can put
-- its reply spans in the run's trace. Empty when the request carried none.
alter table jobs add column trace_context jsonb not null default '{}';
