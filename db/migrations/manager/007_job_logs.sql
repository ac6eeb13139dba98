-- Job logs as agents report them: the end of the log with each progress
-- message while a job runs, then the whole (agent-bounded) log with its
-- result (`complete`). One row per job attempt; the API serves a step's.
create table job_logs (
  job_id text not null,
  attempt integer not null,
  workflow_id text not null,
  step_id text not null,
  generation integer not null,
  agent_id text not null,
  text text not null,
  bytes bigint not null,
  truncated boolean not null,
  complete boolean not null,
  updated_at timestamptz not null default now(),
  primary key (job_id, attempt)
);

create index job_logs_by_step on job_logs (workflow_id, step_id, generation, attempt);
