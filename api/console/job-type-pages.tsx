import type { Context, Hono } from 'hono';
import { validateJobType } from '../../common/job-type-schema.ts';
import type { Json } from '../../common/json.ts';
import { recordAudit } from '../../db/audit.ts';
import { getJobType, listJobTypes } from '../../db/job-types.ts';
import { applyJobType } from '../definitions.ts';
import type { RunsContext } from '../runs.ts';
import { adminOnly } from './console-app.tsx';
import { documentField, Form, FormError, problemOf, valueOf, type PageState } from './form.ts';
import {
  Folded,
  noticeFrom,
  PostForm,
  render,
  session,
  TextArea,
  type ConsoleEnv,
} from './layout.tsx';

const notices = { saved: 'Job type saved: runs started from now on take up its defaults.' };

const example = JSON.stringify(
  {
    name: 'text.stats',
    description: 'counts words and characters',
    paramsSchema: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } },
    timeouts: { queueMs: 60_000, runMs: 30_000, progressMs: 10_000 },
  },
  null,
  2,
);

/** `?edit=name`: that job type's document, to change and save again. */
async function draftOf(c: Context, ctx: RunsContext): Promise<string> {
  const name = c.req.query('edit');
  const jobType = name ? await getJobType(ctx.sql, name) : undefined;
  return jobType ? JSON.stringify(jobType, null, 2) : example;
}

async function jobTypesPage(
  c: Context<ConsoleEnv>,
  ctx: RunsContext,
  state: PageState & { notice?: string } = {},
): Promise<Response> {
  const { csrf } = session(c);
  const jobTypes = await listJobTypes(ctx.sql);
  const ms = (value: number | undefined) => (value === undefined ? 'default' : `${value} ms`);
  return render(
    c,
    {
      title: 'Job types',
      problem: state.problem,
      status: state.status,
      notice: state.notice ?? noticeFrom(c, notices),
    },
    <>
      <table>
        <thead>
          <tr>
            <th scope="col">Job type</th>
            <th scope="col">Description</th>
            <th scope="col">Timeouts (queue / run / progress)</th>
            <th scope="col">Document</th>
          </tr>
        </thead>
        <tbody>
          {jobTypes.length === 0 && (
            <tr>
              <td colspan={4}>No job types yet: save one below.</td>
            </tr>
          )}
          {jobTypes.map((jobType) => (
            <tr>
              <th scope="row">{jobType.name}</th>
              <td>{jobType.description}</td>
              <td>
                {ms(jobType.timeouts.queueMs)} / {ms(jobType.timeouts.runMs)} /{' '}
                {ms(jobType.timeouts.progressMs)}
              </td>
              <td>
                <Folded summary="JSON" value={jobType as unknown as Json} />
                <a href={`/console/job-types?edit=${encodeURIComponent(jobType.name)}#save`}>
                  Edit
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="save">Create or replace a job type</h2>
      <PostForm action="/console/job-types" csrf={csrf} class="stack" label="Save a job type">
        <TextArea
          name="document"
          label="Job type"
          hint="JSON or YAML: name, description, paramsSchema, outputSchema, timeouts, retry"
          rows={12}
          value={valueOf(state.values, 'document', await draftOf(c, ctx))}
        />
        <div>
          <button type="submit" name="action" value="save">
            Save job type
          </button>{' '}
          <button type="submit" name="action" value="validate">
            Check only
          </button>
        </div>
      </PostForm>
    </>,
  );
}

/** Job types (admin): list, and create or replace one (checked first). */
export function registerJobTypePages(app: Hono<ConsoleEnv>, ctx: RunsContext): void {
  app.get('/job-types', adminOnly, (c) => jobTypesPage(c, ctx));

  app.post('/job-types', adminOnly, async (c) => {
    const form = await Form.of(c);
    const values = form.values();
    try {
      if (form.text('document') === '') throw new FormError('Job type', 'fill it in');
      const raw = documentField(form.raw('document'), 'Job type');
      if (form.text('action') === 'validate') {
        const result = validateJobType(raw);
        if (!result.ok) {
          return jobTypesPage(c, ctx, {
            problem: { message: 'the job type is invalid', issues: result.errors },
            status: 400,
            values,
          });
        }
        return jobTypesPage(c, ctx, {
          values,
          notice: `Valid: ${result.jobType.name} can be saved.`,
        });
      }
      const jobType = await applyJobType(ctx.sql, raw);
      await recordAudit(ctx.sql, {
        actor: session(c).principal.name,
        action: 'job_type.apply',
        target: jobType.name,
        details: jobType as unknown as Json,
      });
      return c.redirect(`/console/job-types?notice=saved`, 303);
    } catch (error) {
      return jobTypesPage(c, ctx, { ...problemOf(error), values });
    }
  });
}
