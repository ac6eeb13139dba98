-- Workflow definitions: immutable once saved; a change is a new version.
create table workflow_definitions (
  name text not null,
  version integer not null check (version > 0),
  definition jsonb not null,
  created_at timestamptz not null default now(),
  primary key (name, version)
);

-- Job types this manager's workflows may dispatch, with their default timeouts.
create table job_types (
  name text primary key,
  description text not null default '',
  queue_timeout_ms integer,
  run_timeout_ms integer,
  progress_timeout_ms integer,
  created_at timestamptz not null default now()
);

-- Agents whose acceptances and results this manager takes.
create table trusted_agents (
  agent_id text primary key,
  public_key_pem text not null,
  added_at timestamptz not null default now()
);
