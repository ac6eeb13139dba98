-- The log of each finished run (a program's stdout and stderr, bounded by
-- CARONI_JOB_LOG_MAX_BYTES), written with its outcome, so a result answered
-- from the ledger or sent again by reconciliation carries it too. It goes
-- with its job when retention prunes the ledger.
create table job_logs (
  manager_id text not null,
  job_id text not null,
  attempt integer not null,
  text text not null,
  bytes bigint not null,
  truncated boolean not null,
  primary key (manager_id, job_id, attempt),
  foreign key (manager_id, job_id) references jobs (manager_id, job_id) on delete cascade
);
