import type { Sql } from 'postgres';
import {
  addKeyToParty,
  addTrustedKey,
  keyState,
  KeyState,
  keyView,
  notTrusted,
  removeParty,
  revokeTrustedKey,
  storedKey,
  storedKeys,
  TrustedKeys,
  type TrustedKeyView,
  type TrustTable,
} from '../common/trusted-keys.ts';

/** The manager's trust list: `trusted_agents` and `trusted_agent_keys`. */
const table: TrustTable = {
  parties: 'trusted_agents',
  keys: 'trusted_agent_keys',
  party: 'agent_id',
  kind: 'agent',
};

/** A trusted agent as the admin API lists it. */
export interface TrustedAgentEntry {
  agentId: string;
  /** Its current key; null when it has none (every key it had is retired or revoked). */
  publicKeyPem: string | null;
  addedAt: string;
  /** Its keys, oldest first: the current one, retired ones, revoked ones. */
  keys: TrustedKeyView[];
}

/**
 * The manager's trusted agents and their keys: only their acceptances and
 * results are taken. The bridge refreshes it every 5 s (`bridge/main.ts`),
 * so a key revoked through the API (another process) is refused within that.
 */
export function trustedAgents(sql: Sql): TrustedKeys {
  return new TrustedKeys(async () => {
    const [rows, keys] = await Promise.all([
      sql<{ agent_id: string }[]>`select agent_id from trusted_agents`,
      storedKeys(sql, table),
    ]);
    return rows.map((row) => ({
      id: row.agent_id,
      keys: (keys.get(row.agent_id) ?? []).map(storedKey),
    }));
  });
}

/**
 * Trusts an agent with `publicKeyPem` as its current key. A different key it
 * had stays valid for `graceSeconds` (default 7 days), so replies it signed
 * before it rotated are still taken.
 *
 * @returns the key id.
 * @throws KeyFileError when the key is not Ed25519; ConflictError `key_revoked`.
 */
export async function addTrustedAgent(
  sql: Sql,
  agentId: string,
  publicKeyPem: string,
  graceSeconds?: number,
): Promise<string> {
  return sql.begin(async (tx) => {
    await tx`insert into trusted_agents (agent_id) values (${agentId}) on conflict do nothing`;
    return addTrustedKey(tx, table, agentId, publicKeyPem, graceSeconds);
  });
}

/**
 * Adds a key to an agent trusted already (after it rotated); its previous
 * key stays valid for `graceSeconds` (default 7 days).
 *
 * @returns the key id.
 * @throws NotFoundError `agent_not_trusted`; ConflictError `key_revoked`;
 *   KeyFileError when the key is not Ed25519.
 */
export async function addTrustedAgentKey(
  sql: Sql,
  agentId: string,
  publicKeyPem: string,
  graceSeconds?: number,
): Promise<string> {
  return addKeyToParty(sql, table, agentId, publicKeyPem, graceSeconds);
}

/**
 * Revokes a key of a trusted agent: bridges refuse its replies
 * (`revoked_key`) from their next refresh on (5 s).
 *
 * @returns when it was revoked (the first time, if it was already).
 * @throws NotFoundError `key_not_found`.
 */
export async function revokeTrustedAgentKey(
  sql: Sql,
  agentId: string,
  keyId: string,
): Promise<Date> {
  return revokeTrustedKey(sql, table, agentId, keyId);
}

/**
 * Stops trusting an agent; its keys end with it (trusted again, it starts
 * from the key given then). @returns false when it was not trusted.
 */
export async function removeTrustedAgent(sql: Sql, agentId: string): Promise<boolean> {
  return removeParty(sql, table, agentId);
}

export async function listTrustedAgentIds(sql: Sql): Promise<string[]> {
  const rows = await sql<
    { agent_id: string }[]
  >`select agent_id from trusted_agents order by agent_id`;
  return rows.map((row) => row.agent_id);
}

/** The trusted agents, by id, with their keys. */
export async function listTrustedAgents(sql: Sql): Promise<TrustedAgentEntry[]> {
  return selectEntries(sql);
}

/** A trusted agent with its keys. @throws NotFoundError `agent_not_trusted`. */
export async function getTrustedAgent(sql: Sql, agentId: string): Promise<TrustedAgentEntry> {
  const [found] = await selectEntries(sql, agentId);
  if (!found) throw notTrusted(table, agentId);
  return found;
}

async function selectEntries(sql: Sql, agentId?: string): Promise<TrustedAgentEntry[]> {
  const [rows, keys] = await Promise.all([
    sql<{ agent_id: string; added_at: Date }[]>`
      select agent_id, added_at from trusted_agents
      ${agentId === undefined ? sql`` : sql`where agent_id = ${agentId}`}
      order by agent_id`,
    storedKeys(sql, table, agentId),
  ]);
  const now = Date.now();
  return rows.map((row) => {
    const stored = keys.get(row.agent_id) ?? [];
    const current = stored.find((key) => keyState(storedKey(key), now) === KeyState.Current);
    return {
      agentId: row.agent_id,
      publicKeyPem: current?.public_key_pem ?? null,
      addedAt: row.added_at.toISOString(),
      keys: stored.map((key) => keyView(key, now)),
    };
  });
}
