import type { Context, Hono } from 'hono';
import {
  identifierPattern,
  identifierRule,
  maxDefinitionVersion,
} from '../../common/definition-schema.ts';
import { isJsonObject } from '../../common/json.ts';
import { listDefinitions } from '../../db/definitions.ts';
import { listRuns, runStatusNames, type RunFilter, type RunStatus } from '../run-list.ts';
import { startRun, type RunsContext } from '../runs.ts';
import {
  documentField,
  Form,
  FormError,
  optionalInteger,
  problemOf,
  requiredText,
  valueOf,
  type PageState,
  type Shown,
} from './form.ts';
import { Field, PostForm, render, session, TextArea, Time, type ConsoleEnv } from './layout.tsx';

const PAGE_SIZE = 25;

/** `2025-01-31T12:00` (as typed, UTC) or an ISO time with an offset. @throws FormError */
function timeParam(text: string | undefined, label: string): Date | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const trimmed = text.trim();
  const utc = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(trimmed) ? `${trimmed}Z` : trimmed;
  const time = new Date(utc);
  if (!/^\d{4}-\d\d-\d\dT/.test(trimmed) || Number.isNaN(time.getTime())) {
    throw new FormError(label, `a time like 2025-01-31T12:00 (UTC), not "${trimmed}"`);
  }
  return time;
}

/** The listing's filters from the page's query, under the API's rules. @throws FormError */
function filterOf(c: Context): RunFilter {
  const statuses = (c.req.queries('status') ?? []).filter((s) => s !== '');
  const unknown = statuses.filter((s) => !(runStatusNames as string[]).includes(s));
  if (unknown.length > 0) {
    throw new FormError(
      'Status',
      `unknown ${unknown.join(', ')}: use ${runStatusNames.join(', ')}`,
    );
  }
  const workflow = c.req.query('workflow')?.trim() || undefined;
  if (workflow !== undefined && !identifierPattern.test(workflow)) {
    throw new FormError('Workflow', identifierRule);
  }
  const versionText = c.req.query('version')?.trim() ?? '';
  const version = versionText === '' ? undefined : Number(versionText);
  if (
    version !== undefined &&
    !(/^\d+$/.test(versionText) && version >= 1 && version <= maxDefinitionVersion)
  ) {
    throw new FormError('Version', `a whole number from 1, not "${versionText}"`);
  }
  return {
    statuses: statuses as RunStatus[],
    workflow,
    version,
    startedAfter: timeParam(c.req.query('startedAfter'), 'Started after'),
    startedBefore: timeParam(c.req.query('startedBefore'), 'Started before'),
  };
}

/** The run listing: the API's filters, a page at a time (cursor paging as the API's). */
async function runListPage(c: Context<ConsoleEnv>, ctx: RunsContext): Promise<Response> {
  const query = (name: string) => c.req.query(name) ?? '';
  const chosen = c.req.queries('status') ?? [];
  const cursor = c.req.query('cursor') || undefined;
  let page;
  let shown: Shown | undefined;
  try {
    page = await listRuns(ctx, filterOf(c), { limit: PAGE_SIZE, cursor });
  } catch (error) {
    shown = problemOf(error);
  }
  const params = new URL(c.req.url).searchParams;
  params.delete('cursor');
  params.delete('notice');
  const first = `/console/runs${params.size > 0 ? `?${params}` : ''}`;
  if (page?.nextCursor) params.set('cursor', page.nextCursor);
  return render(
    c,
    { title: 'Runs', problem: shown?.problem, status: shown?.status },
    <>
      <p>
        <a href="/console/runs/new">Start a run</a>
      </p>
      <form method="get" action="/console/runs" class="bar" aria-label="Filter runs">
        <fieldset>
          <legend>Status</legend>
          {runStatusNames.map((status) => (
            <label>
              <input
                type="checkbox"
                name="status"
                value={status}
                checked={chosen.includes(status)}
              />{' '}
              <span>{status}</span>{' '}
            </label>
          ))}
        </fieldset>
        <Field name="workflow" label="Workflow" value={query('workflow')} />
        <Field name="version" label="Version" type="number" value={query('version')} />
        <Field
          name="startedAfter"
          label="Started after"
          hint="UTC, e.g. 2025-01-31T12:00"
          value={query('startedAfter')}
        />
        <Field
          name="startedBefore"
          label="Started before"
          hint="UTC"
          value={query('startedBefore')}
        />
        <button type="submit">Filter</button>
      </form>
      {page && (
        <>
          <p class="muted">
            Running runs first, then closed ones, newest first. Listed from Temporal visibility: a
            run started a moment ago may take a moment to show.
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Workflow</th>
                <th scope="col">Status</th>
                <th scope="col">Started</th>
                <th scope="col">Closed</th>
              </tr>
            </thead>
            <tbody>
              {page.runs.length === 0 && (
                <tr>
                  <td colspan={5}>No runs match.</td>
                </tr>
              )}
              {page.runs.map((run) => (
                <tr>
                  <td>
                    <a href={`/console/runs/${encodeURIComponent(run.id)}`}>{run.id}</a>
                  </td>
                  <td>
                    {run.workflow ?? '–'} {run.version !== undefined && `v${run.version}`}
                  </td>
                  <td class="status">{run.status}</td>
                  <td>
                    <Time at={run.startedAt} />
                  </td>
                  <td>
                    <Time at={run.closedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav aria-label="Pages">
            {cursor && <a href={first}>First page</a>}{' '}
            {page.nextCursor && <a href={`/console/runs?${params}`}>Next page</a>}
          </nav>
        </>
      )}
    </>,
  );
}

/** The start form; `values` and `problem` when a start was refused. */
async function startPage(
  c: Context<ConsoleEnv>,
  ctx: RunsContext,
  state: PageState = {},
): Promise<Response> {
  const { csrf, principal } = session(c);
  // The API lists definitions to admins only; a submitter types the name.
  const names =
    principal.role === 'admin' ? (await listDefinitions(ctx.sql)).map((d) => d.name) : [];
  const { values } = state;
  return render(
    c,
    { title: 'Start a run', problem: state.problem, status: state.status },
    <PostForm action="/console/runs" csrf={csrf} class="stack" label="Start a run">
      <Field
        name="workflow"
        label="Workflow"
        hint="a definition's name"
        value={valueOf(values, 'workflow', c.req.query('workflow') ?? '')}
        required
        list="definitions"
      />
      <datalist id="definitions">
        {names.map((name) => (
          <option value={name} />
        ))}
      </datalist>
      <Field
        name="version"
        label="Version"
        type="number"
        hint="empty: the latest"
        value={valueOf(values, 'version', c.req.query('version') ?? '')}
      />
      <TextArea
        name="input"
        label="Input"
        hint="a JSON object"
        value={valueOf(values, 'input', '{}')}
      />
      <Field
        name="idempotencyKey"
        label="Idempotency key"
        hint="optional: the same key starts the same run once"
        value={valueOf(values, 'idempotencyKey')}
      />
      <button type="submit">Start</button>
    </PostForm>,
  );
}

/** Runs: the listing, and starting one. */
export function registerRunListPages(app: Hono<ConsoleEnv>, ctx: RunsContext): void {
  app.get('/runs', (c) => runListPage(c, ctx));
  app.get('/runs/new', (c) => startPage(c, ctx));
  app.post('/runs', async (c) => {
    const form = await Form.of(c);
    try {
      const input = form.text('input') === '' ? {} : documentField(form.raw('input'), 'Input');
      if (!isJsonObject(input))
        throw new FormError('Input', 'a JSON object, e.g. {"text": "hello"}');
      const key = form.text('idempotencyKey');
      if (key.length > 200) throw new FormError('Idempotency key', 'at most 200 characters');
      const { id } = await startRun(ctx, {
        workflow: requiredText(form, 'workflow', 'Workflow'),
        version: optionalInteger(form, 'version', 'Version', { min: 1, max: maxDefinitionVersion }),
        input,
        idempotencyKey: key || undefined,
      });
      return c.redirect(`/console/runs/${encodeURIComponent(id)}?notice=started`, 303);
    } catch (error) {
      return startPage(c, ctx, { ...problemOf(error), values: form.values() });
    }
  });
}
