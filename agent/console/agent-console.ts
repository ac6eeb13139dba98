import type { Hono } from 'hono';
import { createConsoleApp } from '../../api/console/console-app.tsx';
import type { ConsoleEnv } from '../../api/console/layout.tsx';
import type { Logger } from '../../common/log.ts';
import type { AgentApiContext } from '../admin-routes.ts';
import { registerJobPages } from './jobs-pages.tsx';
import { registerManagerPages } from './manager-pages.tsx';
import { registerStatusPages } from './status-pages.tsx';

/**
 * The agent's console, to mount under `/console` of its admin API: status
 * with drain, the job ledger, trusted managers and usage, for admin tokens
 * of the agent's database (as every route of its API). Pages call the same
 * functions as the API's routes.
 */
export function createAgentConsole(ctx: AgentApiContext, log: Logger): Hono<ConsoleEnv> {
  return createConsoleApp(
    {
      sql: ctx.sql,
      log: log.child({ component: 'console' }),
      cookie: 'caroni_agent_session',
      server: 'agent',
      signInRole: 'admin',
      shell: {
        party: `agent ${ctx.agent.status().agentId}`,
        home: '/console/status',
        nav: [
          { href: '/console/status', label: 'Status' },
          { href: '/console/jobs', label: 'Jobs' },
          { href: '/console/managers', label: 'Trusted managers' },
          { href: '/console/usage', label: 'Usage' },
        ],
      },
    },
    (app) => {
      registerStatusPages(app, ctx);
      registerJobPages(app, ctx);
      registerManagerPages(app, ctx);
    },
  );
}
