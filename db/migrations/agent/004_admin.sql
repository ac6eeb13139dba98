-- The agent's admin API: bearer tokens (stored as SHA-256, as on the
-- manager) and the audit log of every change made through it.
create table api_tokens (
  name text primary key,
  role text not null check (role in ('submitter', 'admin')),
  token_sha256 bytea not null unique,
  created_at timestamptz not null default now()
);

create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor text not null,
  action text not null,
  target text not null,
  details jsonb
);

-- The job types a trusted manager may run here (null: every job type the
-- agent handles), so a site can be given one resource's cheap jobs only.
alter table trusted_managers add column job_types text[];
