-- Most jobs of one manager running at once on this agent (null: no limit
-- but the agent's slots), for a site that must not take every slot even
-- when the others are idle.
alter table trusted_managers
  add column max_concurrent integer check (max_concurrent > 0);
