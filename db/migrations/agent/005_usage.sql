-- What each job run used, one row per attempt that reached an outcome,
-- written in the same statement that finishes the ledger row. A ledger answer
-- repeats the stored row and never writes another.
create table job_usage (
  manager_id text not null,
  job_id text not null,
  attempt integer not null,
  job_type text not null,
  queue_wait_ms bigint not null,
  wall_ms bigint not null,
  slot_ms bigint not null,
  cpu_ms bigint not null,
  peak_rss_kb bigint not null,
  recorded_at timestamptz not null default now(),
  primary key (manager_id, job_id, attempt)
);
