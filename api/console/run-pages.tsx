import type { Context, Hono } from 'hono';
import type { FC } from 'hono/jsx';
import type { Json } from '../../common/json.ts';
import type { StepState } from '../../workflows/messages.ts';
import { cancelRun, controlStep, signalRun } from '../run-control.ts';
import { getRun, type RunsContext } from '../runs.ts';
import { getStepLog } from '../step-logs.ts';
import {
  documentField,
  Form,
  FormError,
  problemOf,
  requiredText,
  valueOf,
  type FormValues,
  type PageState,
} from './form.ts';
import {
  ActionButton,
  Field,
  Folded,
  JsonBlock,
  noticeFrom,
  PostForm,
  render,
  session,
  TextArea,
  Time,
  type ConsoleEnv,
} from './layout.tsx';

const notices = {
  started: 'Run started.',
  cancelled: 'Cancellation requested: queued jobs will not run, running ones are stopped.',
  signalled: 'Signal sent.',
  retried: 'The step runs again, with new job ids.',
  skipped: 'The step is skipped.',
  failed: 'The step failed, and with it the run.',
};

/** How often a run that still moves by itself is reloaded. */
const REFRESH_SECONDS = 2;

/** Steps that wait for an operator: the page then stays put, so a half-typed form is not lost. */
const waitsForOperator = (step: StepState) => step.status === 'paused' || step.status === 'waiting';

/** What one of the page's forms typed before it was refused: `form` names which. */
type RunPageState = PageState & { form?: string };

const StepActions: FC<{
  runPath: string;
  step: StepState;
  csrf: string;
  values: FormValues | undefined;
}> = ({ runPath, step, csrf, values }) => {
  const path = `${runPath}/steps/${encodeURIComponent(step.id)}`;
  return (
    <>
      <ActionButton action={`${path}/retry`} csrf={csrf} label={`Retry ${step.id}`} />
      <PostForm action={`${path}/skip`} csrf={csrf} class="stack" label={`Skip ${step.id}`}>
        <TextArea
          name="output"
          label="Output"
          hint="JSON; empty: null"
          rows={2}
          value={valueOf(values, 'output')}
        />
        <button type="submit">Skip {step.id}</button>
      </PostForm>
      <PostForm action={`${path}/fail`} csrf={csrf} class="stack" label={`Fail ${step.id}`}>
        <Field name="reason" label="Reason" value={valueOf(values, 'reason')} />
        <button type="submit">Fail {step.id}</button>
      </PostForm>
    </>
  );
};

const StepRows: FC<{
  steps: StepState[];
  runPath: string;
  csrf: string;
  state: RunPageState;
}> = ({ steps, runPath, csrf, state }) => (
  <table>
    <thead>
      <tr>
        <th scope="col">Step</th>
        <th scope="col">Kind</th>
        <th scope="col">Status</th>
        <th scope="col">Attempt</th>
        <th scope="col">Agent</th>
        <th scope="col">Started</th>
        <th scope="col">Finished</th>
        <th scope="col">Details</th>
      </tr>
    </thead>
    <tbody>
      {steps.map((step) => (
        <tr>
          <th scope="row">{step.id}</th>
          <td>{step.kind}</td>
          <td class="status">{step.status}</td>
          <td>{step.attempt ?? '–'}</td>
          <td>{step.agent ?? '–'}</td>
          <td>
            <Time at={step.startedAt} />
          </td>
          <td>
            <Time at={step.finishedAt} />
          </td>
          <td>
            {step.items &&
              `${step.items.succeeded}/${step.items.total} done, ${step.items.running} running, ${step.items.failed} failed`}
            {step.error && (
              <p>
                <strong>{step.error.type}</strong>: {step.error.message}
              </p>
            )}
            {step.progress !== undefined && <Folded summary="progress" value={step.progress} />}
            {step.output !== undefined && <Folded summary="output" value={step.output} />}
            {step.kind.startsWith('job:') && step.attempt !== undefined && (
              <p>
                <a href={`${runPath}/steps/${encodeURIComponent(step.id)}/log`}>Log of {step.id}</a>
              </p>
            )}
            {step.status === 'paused' && (
              <StepActions
                runPath={runPath}
                step={step}
                csrf={csrf}
                values={state.form === `step:${step.id}` ? state.values : undefined}
              />
            )}
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);

/** One run: status, steps, output or error, its Temporal Web link and the controls the API offers. */
async function runPage(
  c: Context<ConsoleEnv>,
  ctx: RunsContext,
  id: string,
  state: RunPageState = {},
): Promise<Response> {
  const { csrf } = session(c);
  const run = await getRun(ctx, id);
  const runPath = `/console/runs/${encodeURIComponent(id)}`;
  const steps = run.steps ?? [];
  const running = run.status === 'RUNNING';
  const follow = running && !steps.some(waitsForOperator) && c.req.query('follow') !== '0';
  const signal = steps.find((step) => step.status === 'waiting' && step.kind.startsWith('wait:'));
  const signalValues = state.form === 'signal' ? state.values : undefined;
  return render(
    c,
    {
      title: `Run ${id}`,
      status: state.status,
      problem: state.problem,
      notice: noticeFrom(c, notices),
      // Without the notice: it was said once.
      refresh: follow && !state.problem ? { seconds: REFRESH_SECONDS, url: runPath } : undefined,
    },
    <>
      <dl>
        <dt>Workflow</dt>
        <dd>
          {run.workflow ?? '–'} {run.version !== undefined && `v${run.version}`}
        </dd>
        <dt>Status</dt>
        <dd class="status" id="run-status">
          {run.status}
        </dd>
        <dt>Started</dt>
        <dd>
          <Time at={run.startedAt} />
        </dd>
        <dt>Closed</dt>
        <dd>
          <Time at={run.closedAt} />
        </dd>
        <dt>History</dt>
        <dd>
          <a href={run.temporalWebUrl} rel="noopener noreferrer" target="_blank">
            Open in Temporal Web
          </a>
        </dd>
      </dl>
      {follow && (
        <p class="muted">
          This page reloads every {REFRESH_SECONDS} s while the run moves.{' '}
          <a href={`${runPath}?follow=0`}>Stop reloading</a>
        </p>
      )}
      {!follow && running && (
        <p>
          <a href={runPath}>Refresh</a>
        </p>
      )}
      {run.output !== undefined && (
        <>
          <h2>Output</h2>
          <JsonBlock value={run.output} label="Run output" />
        </>
      )}
      {run.error && (
        <>
          <h2>Error</h2>
          <p role="alert">
            {run.error.type && <strong>{run.error.type}: </strong>}
            {run.error.message}
          </p>
        </>
      )}
      <h2>Steps</h2>
      {run.steps === undefined ? (
        <p class="muted">No worker answered for the steps just now; reload to try again.</p>
      ) : (
        <StepRows steps={steps} runPath={runPath} csrf={csrf} state={state} />
      )}
      {running && (
        <>
          <h2>Control</h2>
          <PostForm action={`${runPath}/signal`} csrf={csrf} class="stack" label="Send a signal">
            <Field
              name="name"
              label="Signal"
              hint="approval steps wait for theirs"
              value={valueOf(signalValues, 'name', signal ? signal.kind.slice('wait:'.length) : '')}
              required
            />
            <TextArea
              name="payload"
              label="Payload"
              hint="JSON; empty: none"
              rows={3}
              value={valueOf(signalValues, 'payload')}
            />
            <button type="submit">Send signal</button>
          </PostForm>
          <p>
            <ActionButton action={`${runPath}/cancel`} csrf={csrf} label="Cancel run" />
          </p>
        </>
      )}
    </>,
  );
}

/**
 * A step's job log: the end of it, reloading, while the job runs; all the
 * agent kept once it has ended. A step without one answers 404 with why.
 */
async function stepLogPage(
  c: Context<ConsoleEnv>,
  ctx: RunsContext,
  id: string,
  stepId: string,
): Promise<Response> {
  const log = await getStepLog(ctx, id, stepId);
  const runPath = `/console/runs/${encodeURIComponent(id)}`;
  const logPath = `${runPath}/steps/${encodeURIComponent(stepId)}/log`;
  // A cancelled job never sends its whole log: reloading stops with the run.
  const follow = !log.complete && (await getRun(ctx, id)).status === 'RUNNING';
  const shown = Buffer.byteLength(log.text);
  return render(
    c,
    {
      title: `Log of ${stepId}`,
      refresh: follow ? { seconds: REFRESH_SECONDS, url: logPath } : undefined,
    },
    <>
      <dl>
        <dt>Run</dt>
        <dd>
          <a href={runPath}>{id}</a>
        </dd>
        <dt>Attempt</dt>
        <dd>{log.attempt}</dd>
        <dt>Agent</dt>
        <dd>{log.agentId}</dd>
        <dt>Written</dt>
        <dd>
          {log.bytes} bytes
          {log.complete
            ? log.truncated && `; the agent kept its start and end (${shown} bytes)`
            : `; the job still runs, this is its last ${shown}`}
        </dd>
      </dl>
      {follow && (
        <p class="muted">This page reloads every {REFRESH_SECONDS} s until the job ends.</p>
      )}
      <pre aria-label="Job log">{log.text}</pre>
    </>,
  );
}

/** A run's page and its controls: cancel, signal, and retry, skip or fail a paused step. */
export function registerRunPages(app: Hono<ConsoleEnv>, ctx: RunsContext): void {
  app.get('/runs/:id', (c) => runPage(c, ctx, c.req.param('id')));
  app.get('/runs/:id/steps/:step/log', (c) =>
    stepLogPage(c, ctx, c.req.param('id'), c.req.param('step')),
  );

  /** Runs `action`, then goes back to the run with `notice`; a refusal shows on the run's page. */
  const act = async (
    c: Context<ConsoleEnv>,
    id: string,
    form: string,
    action: (fields: Form) => Promise<unknown>,
    notice: keyof typeof notices,
  ) => {
    const fields = await Form.of(c);
    try {
      await action(fields);
    } catch (error) {
      return runPage(c, ctx, id, { ...problemOf(error), values: fields.values(), form });
    }
    return c.redirect(`/console/runs/${encodeURIComponent(id)}?notice=${notice}`, 303);
  };
  const payload = (form: Form, name: string, label: string): Json =>
    form.text(name) === '' ? null : documentField(form.raw(name), label);

  app.post('/runs/:id/cancel', (c) => {
    const id = c.req.param('id');
    return act(c, id, 'cancel', () => cancelRun(ctx, id), 'cancelled');
  });
  app.post('/runs/:id/signal', (c) => {
    const id = c.req.param('id');
    return act(
      c,
      id,
      'signal',
      (form) =>
        signalRun(
          ctx,
          id,
          requiredText(form, 'name', 'Signal'),
          payload(form, 'payload', 'Payload'),
        ),
      'signalled',
    );
  });
  app.post('/runs/:id/steps/:stepId/retry', (c) => {
    const { id, stepId } = c.req.param();
    return act(
      c,
      id,
      `step:${stepId}`,
      () => controlStep(ctx, id, { stepId, action: 'retry' }),
      'retried',
    );
  });
  app.post('/runs/:id/steps/:stepId/skip', (c) => {
    const { id, stepId } = c.req.param();
    return act(
      c,
      id,
      `step:${stepId}`,
      (form) =>
        controlStep(ctx, id, { stepId, action: 'skip', output: payload(form, 'output', 'Output') }),
      'skipped',
    );
  });
  app.post('/runs/:id/steps/:stepId/fail', (c) => {
    const { id, stepId } = c.req.param();
    return act(
      c,
      id,
      `step:${stepId}`,
      (form) => {
        const reason = form.text('reason');
        if (reason.length > 2_000) throw new FormError('Reason', 'at most 2000 characters');
        return controlStep(ctx, id, { stepId, action: 'fail', reason: reason || undefined });
      },
      'failed',
    );
  });
}
