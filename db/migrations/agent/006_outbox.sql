-- Replies (acceptance, progress, result, cancellation, rejection) written
-- before they are published and deleted once the broker confirms them; what
-- is left after a crash or a failed publish is published again, signed anew.
-- `body` is an Envelope with only its body set. A result is written in the
-- same transaction that finishes its ledger row.
create table outbox (
  id bigserial primary key,
  manager_id text not null,
  job_id text not null,
  kind text not null,
  body bytea not null,
  created_at timestamptz not null default now(),
  publish_count integer not null default 0
);
-- Only the latest progress of a job matters: a newer one replaces an unsent one.
create unique index outbox_progress on outbox (manager_id, job_id) where kind = 'jobProgress';
