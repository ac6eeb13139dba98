import type { Hono } from 'hono';
import type { Logger } from '../../common/log.ts';
import type { RunsContext } from '../runs.ts';
import { registerAgentPages } from './agent-pages.tsx';
import { createConsoleApp } from './console-app.tsx';
import { registerDefinitionPages } from './definition-pages.tsx';
import { registerJobTypePages } from './job-type-pages.tsx';
import type { ConsoleEnv } from './layout.tsx';
import { registerRunListPages } from './run-list-pages.tsx';
import { registerRunPages } from './run-pages.tsx';
import { registerSchedulePages } from './schedule-pages.tsx';

/**
 * The manager's console, to mount under `/console` of its API: runs for
 * every token of the site; definitions, job types, schedules and agents for
 * admin tokens. Pages call the same functions as the API's routes.
 */
export function createManagerConsole(ctx: RunsContext, log: Logger): Hono<ConsoleEnv> {
  return createConsoleApp(
    {
      sql: ctx.sql,
      log: log.child({ component: 'console' }),
      cookie: 'caroni_manager_session',
      server: 'manager',
      signInRole: 'submitter',
      shell: {
        party: `manager ${ctx.managerId}`,
        home: '/console/runs',
        nav: [
          { href: '/console/runs', label: 'Runs' },
          { href: '/console/definitions', label: 'Definitions', adminOnly: true },
          { href: '/console/job-types', label: 'Job types', adminOnly: true },
          { href: '/console/schedules', label: 'Schedules', adminOnly: true },
          { href: '/console/agents', label: 'Agents', adminOnly: true },
        ],
      },
    },
    (app) => {
      registerRunListPages(app, ctx);
      registerRunPages(app, ctx);
      registerDefinitionPages(app, ctx);
      registerJobTypePages(app, ctx);
      registerSchedulePages(app, ctx);
      registerAgentPages(app, ctx);
    },
  );
}
