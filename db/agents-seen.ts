import type { Sql } from 'postgres';

export interface SeenAgent {
  agentId: string;
  trusted: boolean;
  firstSeenAt: string | undefined;
  lastSeenAt: string | undefined;
}

/**
 * Records that `agentId` was heard from, at most once per `intervalMs` per
 * agent, so a busy agent costs one write every few seconds, not one per reply.
 */
export function agentSightings(sql: Sql, intervalMs = 5_000): (agentId: string) => Promise<void> {
  const written = new Map<string, number>();
  return async (agentId) => {
    const now = Date.now();
    if (now - (written.get(agentId) ?? 0) < intervalMs) return;
    written.set(agentId, now);
    await sql`
      insert into agents_seen (agent_id) values (${agentId})
      on conflict (agent_id) do update set last_seen_at = now()`;
  };
}

/** Every agent this manager trusts or has heard from. */
export async function listSeenAgents(sql: Sql): Promise<SeenAgent[]> {
  const rows = await sql<
    { agent_id: string; trusted: boolean; first_seen_at: Date | null; last_seen_at: Date | null }[]
  >`
    select coalesce(s.agent_id, t.agent_id) as agent_id, t.agent_id is not null as trusted,
           s.first_seen_at, s.last_seen_at
    from agents_seen s full outer join trusted_agents t on t.agent_id = s.agent_id
    order by 1`;
  return rows.map((row) => ({
    agentId: row.agent_id,
    trusted: row.trusted,
    firstSeenAt: row.first_seen_at?.toISOString(),
    lastSeenAt: row.last_seen_at?.toISOString(),
  }));
}
