import type { Sql } from 'postgres';
import { parsePublicKey } from '../common/keys.ts';
import { TrustedKeys } from '../common/trusted-keys.ts';

/** The manager's trusted agents: only their acceptances and results are taken. */
export function trustedAgents(sql: Sql): TrustedKeys {
  return new TrustedKeys(async () =>
    (
      await sql<{ agent_id: string; public_key_pem: string }[]>`
        select agent_id, public_key_pem from trusted_agents`
    ).map((row) => ({ id: row.agent_id, publicKeyPem: row.public_key_pem })),
  );
}

/** Adds or replaces a trusted agent's key. */
export async function addTrustedAgent(
  sql: Sql,
  agentId: string,
  publicKeyPem: string,
): Promise<void> {
  parsePublicKey(publicKeyPem);
  await sql`
    insert into trusted_agents (agent_id, public_key_pem) values (${agentId}, ${publicKeyPem})
    on conflict (agent_id) do update set public_key_pem = excluded.public_key_pem`;
}

export async function removeTrustedAgent(sql: Sql, agentId: string): Promise<boolean> {
  const rows = await sql`delete from trusted_agents where agent_id = ${agentId} returning agent_id`;
  return rows.length > 0;
}

export async function listTrustedAgentIds(sql: Sql): Promise<string[]> {
  const rows = await sql<
    { agent_id: string }[]
  >`select agent_id from trusted_agents order by agent_id`;
  return rows.map((row) => row.agent_id);
}

export async function listTrustedAgents(
  sql: Sql,
): Promise<{ agentId: string; publicKeyPem: string; addedAt: string }[]> {
  const rows = await sql<{ agent_id: string; public_key_pem: string; added_at: Date }[]>`
    select agent_id, public_key_pem, added_at from trusted_agents order by agent_id`;
  return rows.map((row) => ({
    agentId: row.agent_id,
    publicKeyPem: row.public_key_pem,
    addedAt: row.added_at.toISOString(),
  }));
}
