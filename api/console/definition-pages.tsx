import type { Context, Hono } from 'hono';
import { maxDefinitionVersion } from '../../common/definition-schema.ts';
import { NotFoundError } from '../../common/errors.ts';
import type { Json } from '../../common/json.ts';
import { recordAudit } from '../../db/audit.ts';
import { getDefinition, listDefinitions, listDefinitionVersions } from '../../db/definitions.ts';
import { applyDefinition, checkDefinition } from '../definitions.ts';
import type { RunsContext } from '../runs.ts';
import { adminOnly } from './console-app.tsx';
import { documentField, Form, FormError, problemOf, valueOf, type PageState } from './form.ts';
import {
  JsonBlock,
  noticeFrom,
  PostForm,
  render,
  session,
  TextArea,
  Time,
  type ConsoleEnv,
} from './layout.tsx';

const notices = { saved: 'Saved.' };

/** The text of an uploaded file, else of the textarea. @throws FormError when both are empty. */
async function uploadedText(form: Form): Promise<string> {
  const file = form.file('file');
  const text = file ? await file.text() : form.raw('text');
  if (text.trim() === '') throw new FormError('Definition', 'paste one or choose a file');
  return text;
}

/** `?version=n` of a definition's page; undefined when absent, NaN when it is no version. */
function versionParam(c: Context): number | undefined {
  const text = c.req.query('version');
  if (!text) return undefined;
  const version = Number(text);
  return /^\d+$/.test(text) && version >= 1 && version <= maxDefinitionVersion ? version : NaN;
}

/** `from` and `version` of the page's query: a definition to start a new version from. */
async function draftFrom(c: Context, ctx: RunsContext): Promise<string> {
  const name = c.req.query('from');
  const version = versionParam(c);
  if (!name || Number.isNaN(version)) return '';
  const definition = await getDefinition(ctx.sql, name, version);
  if (!definition) return '';
  const latest = await getDefinition(ctx.sql, name);
  return JSON.stringify({ ...definition, version: (latest?.version ?? 0) + 1 }, null, 2);
}

/** Definitions: the list and the form that saves (or only checks) a new version. */
async function definitionsPage(
  c: Context<ConsoleEnv>,
  ctx: RunsContext,
  state: PageState & { notice?: string } = {},
): Promise<Response> {
  const { csrf } = session(c);
  const definitions = await listDefinitions(ctx.sql);
  const text = valueOf(state.values, 'text', await draftFrom(c, ctx));
  const format = valueOf(state.values, 'format', 'auto');
  return render(
    c,
    { title: 'Definitions', problem: state.problem, status: state.status, notice: state.notice },
    <>
      <table>
        <thead>
          <tr>
            <th scope="col">Workflow</th>
            <th scope="col">Latest version</th>
            <th scope="col">Versions</th>
            <th scope="col">Run it</th>
          </tr>
        </thead>
        <tbody>
          {definitions.length === 0 && (
            <tr>
              <td colspan={4}>No definitions yet: save one below.</td>
            </tr>
          )}
          {definitions.map((d) => (
            <tr>
              <td>
                <a href={`/console/definitions/${encodeURIComponent(d.name)}`}>{d.name}</a>
              </td>
              <td>{d.latestVersion}</td>
              <td>{d.versions}</td>
              <td>
                <a href={`/console/runs/new?workflow=${encodeURIComponent(d.name)}`}>Start a run</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="upload">Save a new version</h2>
      <p class="muted">
        Versions are immutable: give a new <code>version</code> number. The definition is checked
        against this site's job types and definitions first.
      </p>
      <PostForm
        action="/console/definitions"
        csrf={csrf}
        class="stack"
        enctype="multipart/form-data"
        label="Save a definition"
      >
        <TextArea name="text" label="Definition" hint="JSON or YAML" rows={14} value={text} />
        <label for="file">
          Or a file <span>(.json, .yaml)</span>
        </label>
        <input
          id="file"
          name="file"
          type="file"
          accept=".json,.yaml,.yml,application/json,application/yaml"
        />
        <label for="format">Format</label>
        <select id="format" name="format">
          {(['auto', 'json', 'yaml'] as const).map((option) => (
            <option value={option} selected={format === option}>
              {option === 'auto' ? 'auto ({ or [ first: JSON, else YAML)' : option.toUpperCase()}
            </option>
          ))}
        </select>
        <div>
          <button type="submit" name="action" value="save">
            Save version
          </button>{' '}
          <button type="submit" name="action" value="validate">
            Check only
          </button>
        </div>
      </PostForm>
    </>,
  );
}

/** One definition: its versions and one version's text. */
async function definitionPage(
  c: Context<ConsoleEnv>,
  ctx: RunsContext,
  name: string,
): Promise<Response> {
  const version = versionParam(c);
  const [versions, definition] = await Promise.all([
    listDefinitionVersions(ctx.sql, name),
    Number.isNaN(version) ? undefined : getDefinition(ctx.sql, name, version),
  ]);
  if (!definition) {
    const which = version === undefined ? '' : `version ${c.req.query('version')} of `;
    throw new NotFoundError('definition_not_found', `no ${which}definition "${name}" here`);
  }
  const base = `/console/definitions/${encodeURIComponent(name)}`;
  return render(
    c,
    { title: `Definition ${name}`, notice: noticeFrom(c, notices) },
    <>
      <h2>Versions</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr>
              <td>
                <a
                  href={`${base}?version=${v.version}`}
                  aria-current={v.version === definition.version ? 'true' : undefined}
                >
                  v{v.version}
                </a>
              </td>
              <td>
                <Time at={v.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Version {definition.version}</h2>
      <p>
        <a
          href={`/console/runs/new?workflow=${encodeURIComponent(name)}&version=${definition.version}`}
        >
          Start a run of v{definition.version}
        </a>{' '}
        ·{' '}
        <a
          href={`/console/definitions?from=${encodeURIComponent(name)}&version=${definition.version}#upload`}
        >
          New version from this one
        </a>
      </p>
      <JsonBlock
        value={definition as unknown as Json}
        label={`Definition ${name} v${definition.version}`}
      />
    </>,
  );
}

/** Workflow definitions (admin): list, versions, one version, and saving a new version as JSON or YAML. */
export function registerDefinitionPages(app: Hono<ConsoleEnv>, ctx: RunsContext): void {
  app.get('/definitions', adminOnly, (c) => definitionsPage(c, ctx));
  app.get('/definitions/:name', adminOnly, (c) => definitionPage(c, ctx, c.req.param('name')));

  app.post('/definitions', adminOnly, async (c) => {
    const form = await Form.of(c);
    const values = form.values();
    try {
      const format = form.text('format');
      const text = await uploadedText(form);
      // An uploaded file's text goes into the textarea, should the page come back with a problem.
      values.text = [text];
      const raw = documentField(
        text,
        'Definition',
        format === 'json' || format === 'yaml' ? format : undefined,
      );
      if (form.text('action') === 'validate') {
        const result = await checkDefinition(ctx.sql, raw);
        if (!result.ok) {
          return definitionsPage(c, ctx, {
            problem: { message: 'the definition is invalid', issues: result.errors },
            status: 400,
            values,
          });
        }
        return definitionsPage(c, ctx, {
          values,
          notice: `Valid: ${result.definition.name} v${result.definition.version} can be saved.`,
        });
      }
      const definition = await applyDefinition(ctx.sql, raw);
      await recordAudit(ctx.sql, {
        actor: session(c).principal.name,
        action: 'definition.apply',
        target: `${definition.name}@${definition.version}`,
      });
      return c.redirect(
        `/console/definitions/${encodeURIComponent(definition.name)}?version=${definition.version}&notice=saved`,
        303,
      );
    } catch (error) {
      return definitionsPage(c, ctx, { ...problemOf(error), values });
    }
  });
}
