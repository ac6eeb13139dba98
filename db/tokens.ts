import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from 'postgres';

export type Role = 'submitter' | 'admin';

/** Who made a request: the token's name and what it may do. */
export interface Principal {
  name: string;
  role: Role;
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** A new random token: `caroni_` and 32 bytes of base64url. */
export function generateToken(): string {
  return `caroni_${randomBytes(32).toString('base64url')}`;
}

/** Stores `token` (hashed) under `name`, replacing that name's earlier token. */
export async function saveToken(sql: Sql, name: string, role: Role, token: string): Promise<void> {
  await sql`
    insert into api_tokens (name, role, token_sha256) values (${name}, ${role}, ${digest(token)})
    on conflict (name) do update set role = excluded.role, token_sha256 = excluded.token_sha256,
      created_at = now()`;
}

/** The principal a token belongs to, or undefined for an unknown token. */
export async function findToken(sql: Sql, token: string): Promise<Principal | undefined> {
  const rows = await sql<Principal[]>`
    select name, role from api_tokens where token_sha256 = ${digest(token)}`;
  return rows[0];
}

export async function hasToken(sql: Sql, name: string): Promise<boolean> {
  const rows = await sql`select 1 from api_tokens where name = ${name}`;
  return rows.length > 0;
}
