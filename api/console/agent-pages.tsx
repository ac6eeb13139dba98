import type { Context, Hono } from 'hono';
import {
  addTrustedAgent,
  listTrustedAgents,
  removeTrustedAgent,
  revokeTrustedAgentKey,
} from '../../bridge/trust.ts';
import { NotFoundError } from '../../common/errors.ts';
import type { Json } from '../../common/json.ts';
import { listSeenAgents } from '../../db/agents-seen.ts';
import { recordAudit } from '../../db/audit.ts';
import { usageByAgent } from '../../db/job-usage.ts';
import type { RunsContext } from '../runs.ts';
import { adminOnly } from './console-app.tsx';
import {
  Form,
  problemOf,
  requiredText,
  trustedKeyFields,
  valueOf,
  type PageState,
} from './form.ts';
import {
  ActionButton,
  Field,
  noticeFrom,
  PostForm,
  render,
  session,
  Time,
  type ConsoleEnv,
} from './layout.tsx';
import { GraceField, KeyList, PublicKeyArea, UsageTable } from './parts.tsx';

const notices = {
  trusted: 'Agent trusted with that key as its current one; bridges take it up within 5 s.',
  removed: 'Agent no longer trusted; bridges take it up within 5 s.',
  revoked: 'Key revoked: replies signed with it are refused within 5 s.',
};

async function agentsPage(
  c: Context<ConsoleEnv>,
  ctx: RunsContext,
  state: PageState = {},
): Promise<Response> {
  const { csrf } = session(c);
  const [seen, trusted, usage] = await Promise.all([
    listSeenAgents(ctx.sql),
    listTrustedAgents(ctx.sql),
    usageByAgent(ctx.sql),
  ]);
  const { values } = state;
  return render(
    c,
    {
      title: 'Agents',
      problem: state.problem,
      status: state.status,
      notice: noticeFrom(c, notices),
    },
    <>
      <h2>Agents seen</h2>
      <p class="muted">
        Agents trusted here or heard from, with their latest signed ad. Quiet: no ad for three of
        its intervals (or never), so no job is pinned to it.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Trusted</th>
            <th scope="col">Job types</th>
            <th scope="col">Load (this site / all) of slots</th>
            <th scope="col">State</th>
            <th scope="col">Last seen</th>
            <th scope="col">Version</th>
          </tr>
        </thead>
        <tbody>
          {seen.length === 0 && (
            <tr>
              <td colspan={7}>No agents yet.</td>
            </tr>
          )}
          {seen.map((agent) => (
            <tr>
              <th scope="row">{agent.agentId}</th>
              <td>{agent.trusted ? 'yes' : 'no'}</td>
              <td>{agent.ad?.jobTypes.join(', ') ?? '–'}</td>
              <td>
                {agent.ad
                  ? `${agent.ad.loadForSite} / ${agent.ad.load} of ${agent.ad.capacity}`
                  : '–'}
              </td>
              <td>
                {[agent.quiet ? 'quiet' : 'announcing', agent.ad?.draining ? 'draining' : '']
                  .filter(Boolean)
                  .join(', ')}
              </td>
              <td>
                <Time at={agent.lastSeenAt} />
              </td>
              <td>{agent.ad?.softwareVersion ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Trusted agents</h2>
      <p class="muted">
        This manager takes acceptances and results only from these agents, signed with a current or
        retired key.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Trusted since</th>
            <th scope="col">Keys</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {trusted.length === 0 && (
            <tr>
              <td colspan={4}>No agent is trusted: no job of this site can finish.</td>
            </tr>
          )}
          {trusted.map((agent) => {
            const path = `/console/agents/${encodeURIComponent(agent.agentId)}`;
            return (
              <tr>
                <th scope="row">{agent.agentId}</th>
                <td>
                  <Time at={agent.addedAt} />
                </td>
                <td>
                  <KeyList
                    keys={agent.keys}
                    csrf={csrf}
                    revokePath={(keyId) => `${path}/keys/${encodeURIComponent(keyId)}/revoke`}
                  />
                </td>
                <td>
                  <ActionButton
                    action={`${path}/remove`}
                    csrf={csrf}
                    label={`Stop trusting ${agent.agentId}`}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>Trust an agent</h2>
      <p class="muted">
        For an agent trusted already, the key becomes its current one (after it rotated); its
        previous key stays valid for the grace period.
      </p>
      <PostForm action="/console/agents" csrf={csrf} class="stack" label="Trust an agent">
        <Field name="agentId" label="Agent id" value={valueOf(values, 'agentId')} required />
        <PublicKeyArea whose="the agent's" values={values} />
        <GraceField values={values} />
        <button type="submit">Trust agent</button>
      </PostForm>
      <h2>Usage</h2>
      <UsageTable groups={usage} partyKey="agentId" partyLabel="Agent" />
    </>,
  );
}

/** Agents (admin): those seen, with their ads; trusting and distrusting them; revoking keys; usage. Audited as on the API. */
export function registerAgentPages(app: Hono<ConsoleEnv>, ctx: RunsContext): void {
  const { sql } = ctx;
  const audit = (c: Context<ConsoleEnv>, action: string, target: string, details?: Json) =>
    recordAudit(sql, { actor: session(c).principal.name, action, target, details });
  /** Runs `action`; a refusal shows on the agents page. */
  const act = async (
    c: Context<ConsoleEnv>,
    notice: keyof typeof notices,
    action: (form: Form) => Promise<void>,
  ) => {
    const form = await Form.of(c);
    try {
      await action(form);
    } catch (error) {
      return agentsPage(c, ctx, { ...problemOf(error), values: form.values() });
    }
    return c.redirect(`/console/agents?notice=${notice}`, 303);
  };

  app.get('/agents', adminOnly, (c) => agentsPage(c, ctx));

  app.post('/agents', adminOnly, (c) =>
    act(c, 'trusted', async (form) => {
      const agentId = requiredText(form, 'agentId', 'Agent id');
      const { pem, graceSeconds } = trustedKeyFields(form);
      const keyId = await addTrustedAgent(sql, agentId, pem, graceSeconds);
      await audit(c, 'trust.agent.add', agentId, { keyId, graceSeconds: graceSeconds ?? null });
    }),
  );

  app.post('/agents/:agentId/remove', adminOnly, (c) =>
    act(c, 'removed', async () => {
      const agentId = c.req.param('agentId');
      if (!(await removeTrustedAgent(sql, agentId))) {
        throw new NotFoundError('agent_not_trusted', `agent "${agentId}" is not trusted here`);
      }
      await audit(c, 'trust.agent.remove', agentId);
    }),
  );

  app.post('/agents/:agentId/keys/:keyId/revoke', adminOnly, (c) =>
    act(c, 'revoked', async () => {
      const { agentId, keyId } = c.req.param();
      await revokeTrustedAgentKey(sql, agentId, keyId);
      await audit(c, 'trust.agent.key.revoke', agentId, { keyId });
    }),
  );
}
