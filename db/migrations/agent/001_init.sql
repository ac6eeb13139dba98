-- Managers whose jobs this agent runs.
create table trusted_managers (
  manager_id text primary key,
  public_key_pem text not null,
  weight integer not null default 1 check (weight > 0),
  added_at timestamptz not null default now()
);

-- The job ledger: one row per (manager, job). A repeated request for a job
-- that finished is answered from here and never run again.
create table jobs (
  manager_id text not null,
  job_id text not null,
  attempt integer not null,
  job_type text not null,
  -- The JobRef of the request (workflow, run, step), echoed in every reply.
  ref jsonb not null,
  idempotency_key text not null,
  parameters jsonb not null,
  -- running | succeeded | failed
  status text not null check (status in ('running', 'succeeded', 'failed')),
  output jsonb,
  failure jsonb,
  received_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  primary key (manager_id, job_id)
);
