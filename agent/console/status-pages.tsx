import type { Context, Hono } from 'hono';
import {
  ActionButton,
  noticeFrom,
  render,
  session,
  type ConsoleEnv,
} from '../../api/console/layout.tsx';
import { UsageTable } from '../../api/console/parts.tsx';
import { recordAudit } from '../../db/audit.ts';
import type { AgentApiContext } from '../admin-routes.ts';
import { usageByManager } from '../job-usage.ts';

const notices = {
  drained: 'Draining: no new jobs are taken; running ones finish and reply.',
  undrained: 'Taking jobs again.',
};

function statusPage(c: Context<ConsoleEnv>, { agent }: AgentApiContext) {
  const { csrf } = session(c);
  const status = agent.status();
  const running = Object.entries(status.running);
  const total = running.reduce((sum, [, count]) => sum + count, 0);
  const { stats } = status;
  const counters: [string, number][] = [
    ['Handler runs started', stats.jobsRun],
    ['Answered from the ledger', stats.answeredFromLedger],
    ['Cancelled', stats.cancelled],
    ['Duplicate requests ignored', stats.duplicatesIgnored],
    ['Outcomes re-sent by reconciliation', stats.resentByReconciliation],
    ['Jobs stopped by reconciliation', stats.stoppedByReconciliation],
    ['Put back: no free slot', stats.requeuedNoSlot],
    ['Most running at once', stats.maxConcurrent],
    ...Object.entries(stats.refused).map(([reason, count]): [string, number] => [
      `Refused: ${reason}`,
      count,
    ]),
  ];
  return render(
    c,
    { title: `Agent ${status.agentId}`, notice: noticeFrom(c, notices) },
    <>
      <dl>
        <dt>State</dt>
        <dd class="status" id="agent-state">
          {status.draining ? 'draining' : 'taking jobs'}
        </dd>
        <dt>Slots</dt>
        <dd>
          {total} of {status.slots} in use
        </dd>
        <dt>Job types</dt>
        <dd>{status.jobTypes.join(', ') || '–'}</dd>
        <dt>Labels</dt>
        <dd>
          {Object.entries(status.labels)
            .map(([key, value]) => `${key}=${value}`)
            .join(', ') || '–'}
        </dd>
      </dl>
      <p>
        {status.draining ? (
          <ActionButton action="/console/undrain" csrf={csrf} label="Take jobs again" />
        ) : (
          <ActionButton action="/console/drain" csrf={csrf} label="Drain" />
        )}{' '}
        <span class="muted">
          Draining stops taking new jobs for maintenance; it ends with a restart.
        </span>
      </p>
      <h2>Running, by manager</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Manager</th>
            <th scope="col">Jobs running</th>
          </tr>
        </thead>
        <tbody>
          {running.length === 0 && (
            <tr>
              <td colspan={2}>Nothing runs now.</td>
            </tr>
          )}
          {running.map(([managerId, count]) => (
            <tr>
              <th scope="row">{managerId}</th>
              <td>{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Since it started</h2>
      <table>
        <tbody>
          {counters.map(([label, count]) => (
            <tr>
              <th scope="row">{label}</th>
              <td>{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>,
  );
}

/** The agent's status with drain and undrain, and its usage. Audited as on the API. */
export function registerStatusPages(app: Hono<ConsoleEnv>, ctx: AgentApiContext): void {
  const { sql, agent } = ctx;
  app.get('/status', (c) => statusPage(c, ctx));
  app.post('/drain', async (c) => {
    await agent.drain();
    await recordAudit(sql, {
      actor: session(c).principal.name,
      action: 'agent.drain',
      target: agent.status().agentId,
    });
    return c.redirect('/console/status?notice=drained', 303);
  });
  app.post('/undrain', async (c) => {
    await agent.undrain();
    await recordAudit(sql, {
      actor: session(c).principal.name,
      action: 'agent.undrain',
      target: agent.status().agentId,
    });
    return c.redirect('/console/status?notice=undrained', 303);
  });
  app.get('/usage', async (c) =>
    render(
      c,
      { title: 'Usage' },
      <>
        <p class="muted">
          What the job runs this agent finished used, per manager and job type: the figures its
          signed results carried.
        </p>
        <UsageTable groups={await usageByManager(sql)} partyKey="managerId" partyLabel="Manager" />
      </>,
    ),
  );
}
