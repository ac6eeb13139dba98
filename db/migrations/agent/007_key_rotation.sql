-- A trusted manager may hold several keys: its current key and the keys it
-- rotated away from, each valid until its grace period ends (not_after)
-- unless revoked (revoked_at). The share (weight, quota, job types) stays in
-- trusted_managers. No foreign key on purpose: the keys of a manager no
-- longer trusted are kept, ended, so a revoked key stays refused if the
-- manager is trusted again.
create table trusted_manager_keys (
  manager_id text not null,
  -- As common/keys.ts computes it: the first 16 hex digits of the SHA-256 of the DER form.
  key_id text not null,
  public_key_pem text not null,
  added_at timestamptz not null default now(),
  not_after timestamptz,
  revoked_at timestamptz,
  primary key (manager_id, key_id)
);

insert into trusted_manager_keys (manager_id, key_id, public_key_pem, added_at)
select manager_id,
  left(encode(sha256(decode(
    regexp_replace(public_key_pem, '-----[A-Z ]+-----|\s', '', 'g'), 'base64')), 'hex'), 16),
  public_key_pem, added_at
from trusted_managers;

alter table trusted_managers drop column public_key_pem;
