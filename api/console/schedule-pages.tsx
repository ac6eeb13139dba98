import type { Context, Hono } from 'hono';
import {
  identifierPattern,
  identifierRule,
  maxDefinitionVersion,
} from '../../common/definition-schema.ts';
import { isJsonObject, type Json } from '../../common/json.ts';
import { recordAudit } from '../../db/audit.ts';
import type { RunsContext } from '../runs.ts';
import {
  createSchedule,
  deleteSchedule,
  listSchedules,
  setSchedulePaused,
  type ScheduleTiming,
} from '../schedules.ts';
import { adminOnly } from './console-app.tsx';
import {
  documentField,
  Form,
  FormError,
  optionalInteger,
  problemOf,
  requiredText,
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
  TextArea,
  Time,
  type ConsoleEnv,
} from './layout.tsx';

const notices = {
  created:
    'Schedule created. Temporal lists schedules from visibility: a new one may take a moment to show.',
  paused: 'Schedule paused: no runs start until it is unpaused.',
  unpaused: 'Schedule unpaused.',
  deleted: 'Schedule deleted; runs it started go on.',
};

/** The API's rule for schedule ids (api/routes/schedules.ts), so both take the same ids. */
const scheduleIdPattern = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const MIN_INTERVAL_MS = 1_000;
const MAX_INTERVAL_MS = 366 * 24 * 3_600_000;

/** The timing of the create form: exactly one of cron and interval. @throws FormError */
function timingOf(form: Form): ScheduleTiming {
  const cron = form.text('cron');
  const intervalMs = optionalInteger(form, 'intervalMs', 'Interval', {
    min: MIN_INTERVAL_MS,
    max: MAX_INTERVAL_MS,
  });
  if ((cron === '') === (intervalMs === undefined)) {
    throw new FormError('Cron', 'give exactly one of a cron expression and an interval');
  }
  if (cron.length > 200) throw new FormError('Cron', 'at most 200 characters');
  return intervalMs === undefined ? { cron } : { intervalMs };
}

async function schedulesPage(
  c: Context<ConsoleEnv>,
  ctx: RunsContext,
  state: PageState = {},
): Promise<Response> {
  const { csrf } = session(c);
  const schedules = await listSchedules(ctx);
  const { values } = state;
  return render(
    c,
    {
      title: 'Schedules',
      problem: state.problem,
      status: state.status,
      notice: noticeFrom(c, notices),
    },
    <>
      <table>
        <thead>
          <tr>
            <th scope="col">Schedule</th>
            <th scope="col">Workflow</th>
            <th scope="col">When</th>
            <th scope="col">State</th>
            <th scope="col">Next runs</th>
            <th scope="col">Recent runs</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {schedules.length === 0 && (
            <tr>
              <td colspan={7}>No schedules.</td>
            </tr>
          )}
          {schedules.map((schedule) => {
            const path = `/console/schedules/${encodeURIComponent(schedule.id)}`;
            return (
              <tr>
                <th scope="row">{schedule.id}</th>
                <td>
                  {schedule.workflow ?? '–'}{' '}
                  {schedule.version !== undefined && `v${schedule.version}`}
                </td>
                <td>
                  {schedule.cron !== undefined
                    ? `cron ${schedule.cron} (UTC)`
                    : `every ${schedule.intervalMs ?? '?'} ms`}
                </td>
                <td>
                  {schedule.paused ? 'paused' : 'active'}
                  {schedule.note && <p class="muted">{schedule.note}</p>}
                </td>
                <td>
                  {schedule.nextRunTimes.slice(0, 3).map((time) => (
                    <div>
                      <Time at={time} />
                    </div>
                  ))}
                </td>
                <td>
                  {schedule.recentRuns.slice(-3).map((run) => (
                    <div>
                      <a href={`/console/runs/${encodeURIComponent(run.id)}`}>
                        <Time at={run.startedAt} />
                      </a>
                    </div>
                  ))}
                </td>
                <td>
                  {schedule.paused ? (
                    <ActionButton
                      action={`${path}/unpause`}
                      csrf={csrf}
                      label={`Unpause ${schedule.id}`}
                    />
                  ) : (
                    <ActionButton
                      action={`${path}/pause`}
                      csrf={csrf}
                      label={`Pause ${schedule.id}`}
                    />
                  )}{' '}
                  <ActionButton
                    action={`${path}/delete`}
                    csrf={csrf}
                    label={`Delete ${schedule.id}`}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>Create a schedule</h2>
      <p class="muted">
        The definition is taken as it is now: to run a newer version, delete the schedule and create
        it again.
      </p>
      <PostForm action="/console/schedules" csrf={csrf} class="stack" label="Create a schedule">
        <Field
          name="id"
          label="Id"
          hint="lowercase letters, digits, ., - and _"
          value={valueOf(values, 'id')}
          required
        />
        <Field name="workflow" label="Workflow" value={valueOf(values, 'workflow')} required />
        <Field
          name="version"
          label="Version"
          type="number"
          hint="empty: the latest now"
          value={valueOf(values, 'version')}
        />
        <TextArea
          name="input"
          label="Input"
          hint="a JSON object"
          rows={3}
          value={valueOf(values, 'input', '{}')}
        />
        <Field
          name="cron"
          label="Cron"
          hint="UTC, minute hour day-of-month month day-of-week, e.g. 0 3 * * *"
          value={valueOf(values, 'cron')}
        />
        <Field
          name="intervalMs"
          label="Or every"
          type="number"
          hint="milliseconds, at least 1000"
          value={valueOf(values, 'intervalMs')}
        />
        <label>
          <input
            type="checkbox"
            name="paused"
            value="yes"
            checked={valueOf(values, 'paused') === 'yes'}
          />{' '}
          Start paused
        </label>
        <button type="submit">Create schedule</button>
      </PostForm>
    </>,
  );
}

/** Schedules (admin): list, create, pause and unpause, delete. Every change is audited, as on the API. */
export function registerSchedulePages(app: Hono<ConsoleEnv>, ctx: RunsContext): void {
  const audit = (c: Context<ConsoleEnv>, action: string, target: string, details?: Json) =>
    recordAudit(ctx.sql, { actor: session(c).principal.name, action, target, details });

  app.get('/schedules', adminOnly, (c) => schedulesPage(c, ctx));

  app.post('/schedules', adminOnly, async (c) => {
    const form = await Form.of(c);
    try {
      const id = requiredText(form, 'id', 'Id');
      if (!scheduleIdPattern.test(id)) {
        throw new FormError(
          'Id',
          'lowercase letters, digits, ".", "-" and "_", starting with a letter or digit, at most 100 characters',
        );
      }
      const workflow = requiredText(form, 'workflow', 'Workflow');
      if (!identifierPattern.test(workflow)) throw new FormError('Workflow', identifierRule);
      const input = form.text('input') === '' ? {} : documentField(form.raw('input'), 'Input');
      if (!isJsonObject(input))
        throw new FormError('Input', 'a JSON object, e.g. {"text": "hello"}');
      const timing = timingOf(form);
      const paused = form.text('paused') === 'yes';
      const schedule = await createSchedule(ctx, {
        id,
        workflow,
        version: optionalInteger(form, 'version', 'Version', { min: 1, max: maxDefinitionVersion }),
        input,
        paused,
        ...timing,
      });
      await audit(c, 'schedule.create', schedule.id, {
        workflow,
        version: schedule.version ?? null,
        ...timing,
        paused,
      });
      return c.redirect('/console/schedules?notice=created', 303);
    } catch (error) {
      return schedulesPage(c, ctx, { ...problemOf(error), values: form.values() });
    }
  });

  const change = (action: 'pause' | 'unpause' | 'delete', notice: keyof typeof notices) =>
    app.post(`/schedules/:id/${action}`, adminOnly, async (c) => {
      const id = c.req.param('id');
      const actor = session(c).principal.name;
      try {
        if (action === 'delete') await deleteSchedule(ctx, id);
        else await setSchedulePaused(ctx, id, action === 'pause', `${action}d by ${actor}`);
        await audit(c, `schedule.${action}`, id);
      } catch (error) {
        return schedulesPage(c, ctx, problemOf(error));
      }
      return c.redirect(`/console/schedules?notice=${notice}`, 303);
    });
  change('pause', 'paused');
  change('unpause', 'unpaused');
  change('delete', 'deleted');
}
