-- Job types describe their data (JSON Schemas of params and output) and may
-- set a default retry policy; all optional, so existing rows stay valid.
alter table job_types
  add column params_schema jsonb,
  add column output_schema jsonb,
  add column retry jsonb;
