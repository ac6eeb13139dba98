-- Cancellation. A job cancelled while it ran here becomes 'cancelled'; a job
-- cancelled before its request arrived gets a tombstone row ('cancelled',
-- attempt 0, empty job type, idempotency key and parameters: the request is
-- not known yet), so the request is dropped when it comes. Either way the
-- row keeps why and when.
alter table jobs drop constraint jobs_status_check;
alter table jobs add constraint jobs_status_check
  check (status in ('running', 'succeeded', 'failed', 'cancelled'));
alter table jobs add column cancel_reason text, add column cancelled_at timestamptz;
