-- Bearer tokens of the manager's API, stored as SHA-256 of the token: a
-- leaked database does not leak usable tokens. `submitter` starts and
-- controls runs; `admin` also administers the site.
create table api_tokens (
  name text primary key,
  role text not null check (role in ('submitter', 'admin')),
  token_sha256 bytea not null unique,
  created_at timestamptz not null default now()
);

-- Every admin change: who (the token's name), what, on what, when.
create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor text not null,
  action text not null,
  target text not null,
  details jsonb
);

-- Agents whose signed replies reached this manager, and when last: the
-- bridge writes at most one update per agent per few seconds.
create table agents_seen (
  agent_id text primary key,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);
