import { isQuiet, type AgentAd } from '../db/agents-seen.ts';

/** What a step asks of the agent that runs its job (see `placement` in docs/DEFINITIONS.md). */
export interface Placement {
  /** Only this agent may run the job. */
  agent?: string;
  /** Only an agent advertising every one of these labels may run the job. */
  labels?: Record<string, string>;
}

export type AgentChoice = { ok: true; agentId: string } | { ok: false; reason: string };

const describeLabels = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');

/**
 * Picks the trusted agent to pin a job to, from the agents' current ads: one
 * that handles the job type for this site, matches the placement and is not
 * quiet; among those an agent that is not draining (a drained agent takes
 * nothing until it is undrained), then the least loaded, then by id.
 *
 * Pure: the caller passes the trusted agents' ads and the time.
 *
 * @returns the agent, or why none can take the job, naming what each
 *   candidate lacks, for the step's error.
 */
export function chooseAgent(
  ads: AgentAd[],
  jobType: string,
  placement: Placement,
  nowMs: number,
): AgentChoice {
  const candidates = placement.agent ? ads.filter((ad) => ad.agentId === placement.agent) : ads;
  const wanted = placement.labels ?? {};
  const misses: string[] = [];
  const matching = candidates.filter((ad) => {
    if (isQuiet(ad, nowMs)) {
      misses.push(`${ad.agentId} is quiet (last ad ${nowMs - ad.announcedAtMs} ms ago)`);
      return false;
    }
    if (!ad.jobTypes.includes(jobType)) {
      misses.push(`${ad.agentId} does not offer ${jobType} to this site`);
      return false;
    }
    const lacking = Object.entries(wanted).filter(([key, value]) => ad.labels[key] !== value);
    if (lacking.length > 0) {
      misses.push(`${ad.agentId} lacks ${describeLabels(Object.fromEntries(lacking))}`);
      return false;
    }
    return true;
  });
  const ratio = (ad: AgentAd) => ad.load / Math.max(1, ad.capacity);
  const [best] = matching.sort(
    (a, b) =>
      Number(a.draining) - Number(b.draining) ||
      ratio(a) - ratio(b) ||
      a.agentId.localeCompare(b.agentId),
  );
  if (best) return { ok: true, agentId: best.agentId };
  const asked = [
    placement.agent ? `agent ${placement.agent}` : 'a trusted agent',
    `for ${jobType}`,
    ...(Object.keys(wanted).length > 0 ? [`with labels ${describeLabels(wanted)}`] : []),
  ].join(' ');
  if (candidates.length === 0) {
    const none = placement.agent
      ? `agent ${placement.agent} is not trusted by this site or has never announced itself`
      : 'no trusted agent has announced itself';
    return { ok: false, reason: `no agent can take the job: asked ${asked}; ${none}` };
  }
  return { ok: false, reason: `no agent can take the job: asked ${asked}; ${misses.join('; ')}` };
}
