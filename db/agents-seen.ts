import type { Sql } from 'postgres';

/** An agent's latest capability ad as this manager stored it. */
export interface AgentAd {
  agentId: string;
  /** The job types it handles for this site. */
  jobTypes: string[];
  labels: Record<string, string>;
  capacity: number;
  /** Jobs running on it now, of every site. */
  load: number;
  /** Jobs of this site running on it now. */
  loadForSite: number;
  protocolVersions: number[];
  softwareVersion: string;
  draining: boolean;
  announceIntervalMs: number;
  /** When the ad arrived, on this manager's clock (ms since epoch). */
  announcedAtMs: number;
}

/** An ad is current while the next one is at most this many intervals late; then the agent is quiet. */
export const QUIET_AFTER_INTERVALS = 3;

/** True when `ad` is too old to route by: the agent missed {@link QUIET_AFTER_INTERVALS} ads. */
export function isQuiet(ad: AgentAd, nowMs: number): boolean {
  return nowMs - ad.announcedAtMs > QUIET_AFTER_INTERVALS * ad.announceIntervalMs;
}

export interface SeenAgent {
  agentId: string;
  trusted: boolean;
  firstSeenAt: string | undefined;
  lastSeenAt: string | undefined;
  /** Its latest ad, or null when it never sent one here. */
  ad: (Omit<AgentAd, 'agentId' | 'announcedAtMs'> & { announcedAt: string }) | null;
  /** No current ad: it never announced itself, or its ads stopped ({@link isQuiet}). */
  quiet: boolean;
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

/** A verified ad to store; `sentAtMs` is the agent's clock, used only to order ads. */
export type ReceivedAd = Omit<AgentAd, 'announcedAtMs'> & { sentAtMs: number };

/**
 * Stores an agent's ad unless a newer one (by the agent's send time) is
 * stored already: ads can arrive out of order through competing bridges.
 */
export async function recordAnnouncement(sql: Sql, ad: ReceivedAd): Promise<void> {
  await sql`
    insert into agents_seen (agent_id, job_types, labels, capacity, load, load_for_site,
      protocol_versions, software_version, draining, announce_interval_ms, announced_at, ad_sent_at_ms)
    values (${ad.agentId}, ${sql.array(ad.jobTypes)}, ${sql.json(ad.labels)}, ${ad.capacity},
      ${ad.load}, ${ad.loadForSite}, ${sql.array(ad.protocolVersions)}::integer[], ${ad.softwareVersion},
      ${ad.draining}, ${ad.announceIntervalMs}, now(), ${ad.sentAtMs})
    on conflict (agent_id) do update set
      job_types = excluded.job_types, labels = excluded.labels, capacity = excluded.capacity,
      load = excluded.load, load_for_site = excluded.load_for_site,
      protocol_versions = excluded.protocol_versions,
      software_version = excluded.software_version, draining = excluded.draining,
      announce_interval_ms = excluded.announce_interval_ms, announced_at = now(),
      ad_sent_at_ms = excluded.ad_sent_at_ms, last_seen_at = now()
    where agents_seen.ad_sent_at_ms is null or agents_seen.ad_sent_at_ms < excluded.ad_sent_at_ms`;
}

interface AdRow {
  agent_id: string;
  job_types: string[] | null;
  labels: Record<string, string> | null;
  capacity: number | null;
  load: number | null;
  load_for_site: number | null;
  protocol_versions: number[] | null;
  software_version: string | null;
  draining: boolean | null;
  announce_interval_ms: number | null;
  announced_at: Date | null;
}

function adOf(row: AdRow): AgentAd | null {
  if (!row.announced_at || row.announce_interval_ms === null) return null;
  return {
    agentId: row.agent_id,
    jobTypes: row.job_types ?? [],
    labels: row.labels ?? {},
    capacity: row.capacity ?? 0,
    load: row.load ?? 0,
    loadForSite: row.load_for_site ?? 0,
    protocolVersions: row.protocol_versions ?? [],
    softwareVersion: row.software_version ?? '',
    draining: row.draining ?? false,
    announceIntervalMs: row.announce_interval_ms,
    announcedAtMs: row.announced_at.getTime(),
  };
}

/** The latest ads of the agents this manager trusts now (an agent dropped from trust no longer counts). */
export async function listTrustedAds(sql: Sql): Promise<AgentAd[]> {
  const rows = await sql<AdRow[]>`
    select s.* from agents_seen s join trusted_agents t on t.agent_id = s.agent_id
    where s.announced_at is not null order by s.agent_id`;
  return rows.flatMap((row) => adOf(row) ?? []);
}

/** Every agent this manager trusts or has heard from, with its latest ad. */
export async function listSeenAgents(sql: Sql, nowMs = Date.now()): Promise<SeenAgent[]> {
  const rows = await sql<
    (AdRow & { trusted: boolean; first_seen_at: Date | null; last_seen_at: Date | null })[]
  >`
    select coalesce(s.agent_id, t.agent_id) as agent_id, t.agent_id is not null as trusted,
           s.first_seen_at, s.last_seen_at, s.job_types, s.labels, s.capacity, s.load,
           s.load_for_site, s.protocol_versions, s.software_version, s.draining,
           s.announce_interval_ms, s.announced_at
    from agents_seen s full outer join trusted_agents t on t.agent_id = s.agent_id
    order by 1`;
  return rows.map((row) => {
    const ad = adOf(row);
    return {
      agentId: row.agent_id,
      trusted: row.trusted,
      firstSeenAt: row.first_seen_at?.toISOString(),
      lastSeenAt: row.last_seen_at?.toISOString(),
      ad: ad && {
        jobTypes: ad.jobTypes,
        labels: ad.labels,
        capacity: ad.capacity,
        load: ad.load,
        loadForSite: ad.loadForSite,
        protocolVersions: ad.protocolVersions,
        softwareVersion: ad.softwareVersion,
        draining: ad.draining,
        announceIntervalMs: ad.announceIntervalMs,
        announcedAt: new Date(ad.announcedAtMs).toISOString(),
      },
      quiet: !ad || isQuiet(ad, nowMs),
    };
  });
}
