-- Each agent's latest signed capability ad (only agents this manager trusts
-- are heard): what it handles for this site, its labels, capacity, load and
-- whether it is draining. `announced_at` is this manager's clock when the ad
-- arrived, so quietness does not depend on the agent's clock;
-- `ad_sent_at_ms` (the agent's) keeps an older ad from replacing a newer one.
alter table agents_seen
  add column job_types text[],
  add column labels jsonb,
  add column capacity integer,
  add column load integer,
  add column load_for_site integer,
  add column protocol_versions integer[],
  add column software_version text,
  add column draining boolean,
  add column announce_interval_ms integer,
  add column announced_at timestamptz,
  add column ad_sent_at_ms bigint;
