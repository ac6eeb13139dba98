import type { Context, Hono } from 'hono';
import {
  FormError,
  Form,
  optionalInteger,
  problemOf,
  requiredText,
  trustedKeyFields,
  valueOf,
  type FormValues,
  type PageState,
} from '../../api/console/form.ts';
import {
  ActionButton,
  Field,
  noticeFrom,
  PostForm,
  render,
  session,
  Time,
  type ConsoleEnv,
} from '../../api/console/layout.tsx';
import { GraceField, KeyList, PublicKeyArea } from '../../api/console/parts.tsx';
import { partyId } from '../../common/config.ts';
import { NotFoundError } from '../../common/errors.ts';
import type { Json } from '../../common/json.ts';
import { KeyState } from '../../common/trusted-keys.ts';
import { recordAudit } from '../../db/audit.ts';
import type { AgentApiContext } from '../admin-routes.ts';
import {
  addTrustedManager,
  listTrustedManagers,
  removeTrustedManager,
  revokeTrustedManagerKey,
  type TrustedManagerEntry,
} from '../trust.ts';

const notices = {
  saved: 'Saved: the agent works by it at once.',
  removed: 'Manager no longer trusted: its queued jobs stay queued and none starts here.',
  revoked: 'Key revoked: requests signed with it are refused at once.',
};

/** The form's fields for `?edit=<managerId>`: its share, and its current key to keep. */
function editValues(manager: TrustedManagerEntry | undefined): FormValues | undefined {
  if (!manager) return undefined;
  const current = manager.keys.find((key) => key.state === KeyState.Current);
  return {
    managerId: [manager.managerId],
    publicKeyPem: [current?.publicKeyPem ?? ''],
    weight: [String(manager.weight)],
    maxConcurrent: manager.maxConcurrent === null ? [] : [String(manager.maxConcurrent)],
    jobTypes: manager.jobTypes ?? [],
  };
}

async function managersPage(
  c: Context<ConsoleEnv>,
  { sql, agent }: AgentApiContext,
  state: PageState = {},
): Promise<Response> {
  const { csrf } = session(c);
  const managers = await listTrustedManagers(sql);
  const editing = c.req.query('edit');
  const values = state.values ?? editValues(managers.find((m) => m.managerId === editing));
  const chosen = values?.jobTypes ?? [];
  return render(
    c,
    {
      title: 'Trusted managers',
      problem: state.problem,
      status: state.status,
      notice: noticeFrom(c, notices),
    },
    <>
      <table>
        <thead>
          <tr>
            <th scope="col">Manager</th>
            <th scope="col">Weight</th>
            <th scope="col">Most at once</th>
            <th scope="col">Job types</th>
            <th scope="col">Keys</th>
            <th scope="col">Trusted since</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {managers.length === 0 && (
            <tr>
              <td colspan={7}>No manager is trusted: this agent runs no jobs.</td>
            </tr>
          )}
          {managers.map((manager) => {
            const path = `/console/managers/${encodeURIComponent(manager.managerId)}`;
            return (
              <tr>
                <th scope="row">{manager.managerId}</th>
                <td>{manager.weight}</td>
                <td>{manager.maxConcurrent ?? 'slots'}</td>
                <td>{manager.jobTypes?.join(', ') ?? 'all'}</td>
                <td>
                  <KeyList
                    keys={manager.keys}
                    csrf={csrf}
                    revokePath={(keyId) => `${path}/keys/${encodeURIComponent(keyId)}/revoke`}
                  />
                </td>
                <td>
                  <Time at={manager.addedAt} />
                </td>
                <td>
                  <a href={`/console/managers?edit=${encodeURIComponent(manager.managerId)}#trust`}>
                    Edit {manager.managerId}
                  </a>{' '}
                  <ActionButton
                    action={`${path}/remove`}
                    csrf={csrf}
                    label={`Stop trusting ${manager.managerId}`}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2 id="trust">Trust a manager, or change its share</h2>
      <p class="muted">
        Weight shares the slots between managers (fair share); a key different from its current one
        becomes current, and the previous key stays valid for the grace period.
      </p>
      <PostForm action="/console/managers" csrf={csrf} class="stack" label="Trust a manager">
        <Field name="managerId" label="Manager id" value={valueOf(values, 'managerId')} required />
        <PublicKeyArea whose="the manager's" values={values} />
        <Field
          name="weight"
          label="Weight"
          type="number"
          hint="1 to 10000; empty: 1"
          value={valueOf(values, 'weight')}
        />
        <Field
          name="maxConcurrent"
          label="Most jobs at once"
          type="number"
          hint="empty: as many as the slots"
          value={valueOf(values, 'maxConcurrent')}
        />
        <fieldset>
          <legend>Job types it may run here (none ticked: all)</legend>
          {agent.handledJobTypes().map((jobType) => (
            <label>
              <input
                type="checkbox"
                name="jobTypes"
                value={jobType}
                checked={chosen.includes(jobType)}
              />{' '}
              <span>{jobType}</span>{' '}
            </label>
          ))}
        </fieldset>
        <GraceField values={values} />
        <button type="submit">Save</button>
      </PostForm>
    </>,
  );
}

/** Trusted managers: list; trust or change the share of one; stop trusting; revoke a key. Audited as on the API. */
export function registerManagerPages(app: Hono<ConsoleEnv>, ctx: AgentApiContext): void {
  const { sql, agent } = ctx;
  const audit = (c: Context<ConsoleEnv>, action: string, target: string, details?: Json) =>
    recordAudit(sql, { actor: session(c).principal.name, action, target, details });
  /** Runs `action` and reloads the agent's trust (so it holds when the page answers); a refusal shows on the page. */
  const act = async (
    c: Context<ConsoleEnv>,
    notice: keyof typeof notices,
    action: (form: Form) => Promise<void>,
  ) => {
    const form = await Form.of(c);
    try {
      await action(form);
    } catch (error) {
      return managersPage(c, ctx, { ...problemOf(error), values: form.values() });
    }
    return c.redirect(`/console/managers?notice=${notice}`, 303);
  };

  app.get('/managers', (c) => managersPage(c, ctx));

  app.post('/managers', (c) =>
    act(c, 'saved', async (form) => {
      const managerId = requiredText(form, 'managerId', 'Manager id');
      const id = partyId.safeParse(managerId);
      if (!id.success)
        throw new FormError('Manager id', id.error.issues[0]?.message ?? 'not a valid id');
      const { pem: publicKeyPem, keyId, graceSeconds } = trustedKeyFields(form);
      const weight = optionalInteger(form, 'weight', 'Weight', { min: 1, max: 10_000 });
      const maxConcurrent = optionalInteger(form, 'maxConcurrent', 'Most jobs at once', {
        min: 1,
        max: 10_000,
      });
      const handled = agent.handledJobTypes();
      const jobTypes = form.all('jobTypes');
      const unknown = jobTypes.filter((jobType) => !handled.includes(jobType));
      if (unknown.length > 0) {
        throw new FormError(
          'Job types',
          `this agent does not handle ${unknown.join(', ')}; it handles ${handled.join(', ')}`,
        );
      }
      await addTrustedManager(sql, {
        managerId,
        publicKeyPem,
        weight,
        maxConcurrent,
        jobTypes: jobTypes.length > 0 ? jobTypes : undefined,
        graceSeconds,
      });
      await agent.reloadTrust();
      await audit(c, 'trust.manager.add', managerId, {
        weight: weight ?? 1,
        maxConcurrent: maxConcurrent ?? null,
        jobTypes: jobTypes.length > 0 ? jobTypes : null,
        keyId,
        graceSeconds: graceSeconds ?? null,
      });
    }),
  );

  app.post('/managers/:managerId/remove', (c) =>
    act(c, 'removed', async () => {
      const managerId = c.req.param('managerId');
      if (!(await removeTrustedManager(sql, managerId))) {
        throw new NotFoundError(
          'manager_not_trusted',
          `manager "${managerId}" is not trusted here`,
        );
      }
      await agent.reloadTrust();
      await audit(c, 'trust.manager.remove', managerId);
    }),
  );

  app.post('/managers/:managerId/keys/:keyId/revoke', (c) =>
    act(c, 'revoked', async () => {
      const { managerId, keyId } = c.req.param();
      await revokeTrustedManagerKey(sql, managerId, keyId);
      await agent.reloadTrust();
      await audit(c, 'trust.manager.key.revoke', managerId, { keyId });
    }),
  );
}
