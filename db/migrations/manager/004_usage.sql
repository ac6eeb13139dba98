-- Usage the agents reported in their signed results, one row per run
-- (agent, job, measured attempt): a redelivered result or a ledger answer
-- repeating the same run is not counted again.
create table job_usage (
  agent_id text not null,
  job_id text not null,
  attempt integer not null,
  job_type text not null,
  queue_wait_ms bigint not null,
  wall_ms bigint not null,
  slot_ms bigint not null,
  cpu_ms bigint not null,
  peak_rss_kb bigint not null,
  recorded_at timestamptz not null default now(),
  primary key (agent_id, job_id, attempt)
);
