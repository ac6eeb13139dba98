import { accessSync, constants } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTrustedManagers } from '../agent/trust.ts';
import { listTrustedAgents } from '../bridge/trust.ts';
import { generateIdentity, publicKeyPem } from '../common/keys.ts';
import { getJobType } from '../db/job-types.ts';
import { seedTestSite } from './support/definitions.ts';
import { startTestSite, type TestSite } from './support/federation.ts';
import { uniqueName, waitFor } from './support/isolation.ts';
import { endedRun, startRun } from './support/runs.ts';

const screenshots = fileURLToPath(new URL('../docs/img/', import.meta.url));

/**
 * Debian's chromium, never a downloaded one: `CHROMIUM_PATH`, else `chromium`
 * on the PATH, else `/usr/bin/chromium`.
 */
function chromiumPath(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    ...(process.env.PATH ?? '')
      .split(path.delimiter)
      .map((dir) => dir && path.join(dir, 'chromium')),
    '/usr/bin/chromium',
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not there: try the next one.
    }
  }
  throw new Error(
    'no chromium found: set CHROMIUM_PATH, or install it (apt-get install -y --no-install-recommends chromium)',
  );
}

/** Clicks `button` and returns the response the page ends on (after redirects). */
async function submit(page: Page, button: Locator) {
  const [response] = await Promise.all([page.waitForNavigation(), button.click()]);
  if (!response) throw new Error('the form led to no page');
  return response;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
}

async function signIn(page: Page, base: string, token: string) {
  await page.goto(`${base}/console/sign-in`);
  await page.getByLabel('Token').fill(token);
  return submit(page, page.getByRole('button', { name: 'Sign in' }));
}

/** A form POST from outside a browser, with the session cookie and the given fields. */
function post(url: string, cookie: string, fields: Record<string, string>, headers = {}) {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
  });
}

describe('the console', () => {
  let f: TestSite;
  let browser: Browser;
  let manager: string;
  let agent: string;
  const contexts: BrowserContext[] = [];
  const newPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true });
    f = await startTestSite();
    await seedTestSite(f.managerSql);
    manager = `http://127.0.0.1:${f.federation.api.port}`;
    agent = `http://127.0.0.1:${f.federation.agent.apiPort}`;
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: ['--no-sandbox'],
    });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await f?.teardown();
  });

  it('signs in with a token, into an HttpOnly SameSite=Strict cookie, and refuses a wrong one', async () => {
    const page = await newPage();
    await page.goto(`${manager}/console/runs`);
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await screenshot(page, 'sign-in');

    const refused = await signIn(page, manager, 'caroni_not-a-token-of-this-site');
    expect(refused.status()).toBe(401);
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'the token is not known to this manager',
    );
    expect(await page.context().cookies()).toEqual([]);

    const accepted = await signIn(page, manager, f.federation.tokens.admin);
    expect(accepted.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/console/runs');
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({
      name: 'caroni_manager_session',
      httpOnly: true,
      sameSite: 'Strict',
      path: '/console',
    });

    await submit(page, page.getByRole('button', { name: 'Sign out' }));
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    expect(await page.context().cookies()).toEqual([]);
  });

  it('starts a run from the form, shows bad input again with the problem, and follows the run until it completes', async () => {
    const page = await newPage();
    await signIn(page, manager, f.federation.tokens.site);
    await page.goto(`${manager}/console/runs/new`);
    await page.getByLabel('Workflow').fill('example');
    await page.getByLabel('Input').fill('{"text": ');
    const bad = await submit(page, page.getByRole('button', { name: 'Start' }));
    expect(bad.status()).toBe(400);
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Input: invalid JSON at line 1',
    );
    expect(await page.getByLabel('Input').inputValue()).toBe('{"text": ');
    expect(await page.getByLabel('Workflow').inputValue()).toBe('example');

    await page.getByLabel('Input').fill('{"text": "the quick brown fox"}');
    await screenshot(page, 'manager-start-run');
    await submit(page, page.getByRole('button', { name: 'Start' }));
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
    expect(id).toMatch(/^run-/);
    await expect(page.getByRole('status').textContent()).resolves.toBe('Run started.');

    // The page reloads itself while the run moves.
    await page.locator('#run-status', { hasText: 'COMPLETED' }).waitFor({ timeout: 40_000 });
    const output = JSON.parse((await page.getByLabel('Run output').textContent()) ?? 'null');
    expect(output).toMatchObject({ words: 4, chars: 19 });
    const history = page.getByRole('link', { name: 'Open in Temporal Web' });
    expect(await history.getAttribute('href')).toContain(
      `/namespaces/${encodeURIComponent(f.config.manager.namespace)}/workflows/${id}/`,
    );
    await screenshot(page, 'manager-run');

    // Visibility is eventually consistent: the listing may take a moment to show the run.
    await waitFor(
      async () => {
        await page.goto(`${manager}/console/runs?status=COMPLETED&workflow=example`);
        return page.getByRole('link', { name: id }).isVisible();
      },
      { timeoutMs: 20_000, intervalMs: 500, what: 'the run to be listed' },
    );
    await screenshot(page, 'manager-runs');
  });

  it("shows a step's job log, linked from its run", async () => {
    const page = await newPage();
    await signIn(page, manager, f.federation.tokens.site);
    const id = await startRun(f, 'chatty', { lines: 6, everyMs: 50, filler: 0 });
    await endedRun(f, id);
    await page.goto(`${manager}/console/runs/${encodeURIComponent(id)}`);
    await submit(page, page.getByRole('link', { name: 'Log of talk' }));
    const text = (await page.getByLabel('Job log').textContent()) ?? '';
    expect(text).toContain('line 1 on stdout\nline 2 on stderr\n');
    expect(text).toContain('{"lines":6}');
    await screenshot(page, 'manager-step-log');
  });

  it('lets a submitter run things but keeps the admin pages from it, and says what is not there', async () => {
    const page = await newPage();
    await signIn(page, manager, f.federation.tokens.site);
    expect(await page.getByRole('link', { name: 'Agents' }).count()).toBe(0);
    const response = await page.goto(`${manager}/console/agents`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('needs an admin token');

    const missing = await page.goto(`${manager}/console/runs/run-nowhere`);
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'no run "run-nowhere" in this site',
    );
    const nowhere = await page.goto(`${manager}/console/nowhere`);
    expect(nowhere?.status()).toBe(404);
  });

  it('saves definitions and job types, and shows what is wrong with an invalid one', async () => {
    const page = await newPage();
    await signIn(page, manager, f.federation.tokens.admin);
    await page.goto(`${manager}/console/definitions`);
    const definition = page.getByRole('textbox', { name: /^Definition/ });
    await definition.fill(
      'name: console-demo\nversion: 1\nsteps:\n  - id: greet\n    job: test.nowhere\n    params: {}\n',
    );
    const invalid = await submit(page, page.getByRole('button', { name: 'Check only' }));
    expect(invalid.status()).toBe(400);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('test.nowhere');

    await definition.fill(
      'name: console-demo\nversion: 1\nsteps:\n  - id: greet\n    job: test.echo\n    params: { hello: "{{ input.name }}" }\noutput: "{{ steps.greet.output.hello }}"\n',
    );
    await submit(page, page.getByRole('button', { name: 'Check only' }));
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Valid: console-demo v1',
    );
    await submit(page, page.getByRole('button', { name: 'Save version' }));
    expect(new URL(page.url()).pathname).toBe('/console/definitions/console-demo');
    await expect(page.getByRole('status').textContent()).resolves.toBe('Saved.');
    await screenshot(page, 'manager-definition');
    await page.goto(`${manager}/console/definitions`);
    await screenshot(page, 'manager-definitions');

    await page.goto(`${manager}/console/job-types`);
    await page
      .getByRole('textbox', { name: /^Job type/ })
      .fill(JSON.stringify({ name: 'test.console', description: 'made in the console' }));
    await submit(page, page.getByRole('button', { name: 'Save job type' }));
    await expect(page.getByRole('status').textContent()).resolves.toContain('Job type saved');
    expect(await getJobType(f.managerSql, 'test.console')).toMatchObject({
      description: 'made in the console',
    });
    await screenshot(page, 'manager-job-types');
  });

  it('creates, pauses and deletes a schedule', async () => {
    const page = await newPage();
    await signIn(page, manager, f.federation.tokens.admin);
    const id = uniqueName('nightly');
    await page.goto(`${manager}/console/schedules`);
    await page.getByLabel(/^Id /).fill(id);
    await page.getByLabel('Workflow').fill('example');
    await page.getByLabel('Input').fill('{"text": "every night"}');
    await page.getByLabel('Cron').fill('0 3 * * *');
    await page.getByLabel('Or every').fill('60000');
    const both = await submit(page, page.getByRole('button', { name: 'Create schedule' }));
    expect(both.status()).toBe(400);
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'give exactly one of a cron expression and an interval',
    );

    await page.getByLabel('Or every').fill('');
    await submit(page, page.getByRole('button', { name: 'Create schedule' }));
    await expect(page.getByRole('status').textContent()).resolves.toContain('Schedule created');
    const pause = page.getByRole('button', { name: `Pause ${id}` });
    await waitFor(
      async () => {
        await page.goto(`${manager}/console/schedules`);
        return pause.isVisible();
      },
      { timeoutMs: 20_000, intervalMs: 500, what: 'the schedule to be listed' },
    );
    await screenshot(page, 'manager-schedules');
    await submit(page, pause);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Schedule paused');
    expect(await f.federation.api.ctx.client.schedule.getHandle(id).describe()).toMatchObject({
      state: { paused: true },
    });
    await waitFor(
      async () => {
        await page.goto(`${manager}/console/schedules`);
        return page.getByRole('button', { name: `Delete ${id}` }).isVisible();
      },
      { timeoutMs: 20_000, intervalMs: 500, what: 'the schedule to be listed again' },
    );
    await submit(page, page.getByRole('button', { name: `Delete ${id}` }));
    await expect(page.getByRole('status').textContent()).resolves.toContain('Schedule deleted');
    await expect(f.federation.api.ctx.client.schedule.getHandle(id).describe()).rejects.toThrow();
  });

  it('trusts an agent from the form and stops trusting it, refusing a bad key', async () => {
    const page = await newPage();
    await signIn(page, manager, f.federation.tokens.admin);
    const stranger = generateIdentity(uniqueName('agent'));
    await page.goto(`${manager}/console/agents`);
    await page.getByLabel('Agent id').fill(stranger.id);
    await page
      .getByLabel('Public key')
      .fill('-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----');
    const bad = await submit(page, page.getByRole('button', { name: 'Trust agent' }));
    expect(bad.status()).toBe(400);
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Public key: not an Ed25519 public key',
    );
    expect(await page.getByLabel('Agent id').inputValue()).toBe(stranger.id);

    await page.getByLabel('Public key').fill(publicKeyPem(stranger.publicKey));
    await submit(page, page.getByRole('button', { name: 'Trust agent' }));
    await expect(page.getByRole('status').textContent()).resolves.toContain('Agent trusted');
    expect((await listTrustedAgents(f.managerSql)).map((a) => a.agentId)).toContain(stranger.id);
    await screenshot(page, 'manager-agents');

    await submit(page, page.getByRole('button', { name: `Stop trusting ${stranger.id}` }));
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Agent no longer trusted',
    );
    expect((await listTrustedAgents(f.managerSql)).map((a) => a.agentId)).not.toContain(
      stranger.id,
    );
  });

  it('refuses a form without its CSRF token, or from another site, and does nothing', async () => {
    const stranger = generateIdentity(uniqueName('agent'));
    const fields = { agentId: stranger.id, publicKeyPem: publicKeyPem(stranger.publicKey) };
    const cookie = `caroni_manager_session=${f.federation.tokens.admin}`;
    const missing = await post(`${manager}/console/agents`, cookie, fields);
    expect(missing.status).toBe(403);
    expect(await missing.text()).toContain('CSRF token is missing or wrong');
    expect(missing.headers.get('content-security-policy')).toContain("default-src 'none'");
    const wrong = await post(`${manager}/console/agents`, cookie, { ...fields, csrf: 'forged' });
    expect(wrong.status).toBe(403);

    // The right token, but the browser says the form came from another site.
    const page = await newPage();
    await signIn(page, manager, f.federation.tokens.admin);
    await page.goto(`${manager}/console/agents`);
    const csrf = await page.locator('input[name=csrf]').first().inputValue();
    const crossSite = await post(
      `${manager}/console/agents`,
      cookie,
      { ...fields, csrf },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    expect((await listTrustedAgents(f.managerSql)).map((a) => a.agentId)).not.toContain(
      stranger.id,
    );

    const agentCookie = `caroni_agent_session=${f.federation.agents[0]?.adminToken}`;
    const drain = await post(`${agent}/console/drain`, agentCookie, {});
    expect(drain.status).toBe(403);
    expect(f.federation.agent.agent.status().draining).toBe(false);

    // The same token and form, as the console sends it, is taken.
    const taken = await post(`${manager}/console/agents`, cookie, { ...fields, csrf });
    expect(taken.status).toBe(303);
    expect((await listTrustedAgents(f.managerSql)).map((a) => a.agentId)).toContain(stranger.id);
  });

  it("shows the agent's status, drains and undrains it, lists its jobs, changes a manager's share and shows usage", async () => {
    const adminToken = f.federation.agents[0]?.adminToken ?? '';
    const page = await newPage();
    const refused = await signIn(page, agent, f.federation.tokens.site);
    expect(refused.status()).toBe(401);
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'the token is not known to this agent',
    );
    await signIn(page, agent, adminToken);
    expect(new URL(page.url()).pathname).toBe('/console/status');

    await submit(page, page.getByRole('button', { name: 'Drain' }));
    await expect(page.locator('#agent-state').textContent()).resolves.toBe('draining');
    expect(f.federation.agent.agent.status().draining).toBe(true);
    await submit(page, page.getByRole('button', { name: 'Take jobs again' }));
    await expect(page.locator('#agent-state').textContent()).resolves.toBe('taking jobs');
    expect(f.federation.agent.agent.status().draining).toBe(false);
    await screenshot(page, 'agent-status');

    const started = await f.fetchApi('/v1/runs', {
      method: 'POST',
      body: JSON.stringify({ workflow: 'double', input: { x: 21 } }),
    });
    const { id } = (await started.json()) as { id: string };
    await waitFor(
      async () => {
        await page.goto(`${agent}/console/jobs?status=succeeded`);
        return page.getByRole('link', { name: new RegExp(`^${id}/`) }).isVisible();
      },
      { timeoutMs: 40_000, intervalMs: 500, what: "the run's job in the ledger" },
    );
    await screenshot(page, 'agent-jobs');
    await submit(page, page.getByRole('link', { name: new RegExp(`^${id}/`) }));
    expect(JSON.parse((await page.getByLabel('Parameters').textContent()) ?? 'null')).toEqual({
      y: 42,
    });

    const site = f.config.manager.id;
    await page.goto(`${agent}/console/managers`);
    await submit(page, page.getByRole('link', { name: `Edit ${site}` }));
    expect(await page.getByLabel('Manager id').inputValue()).toBe(site);
    await page.getByLabel('Weight').fill('3');
    await submit(page, page.getByRole('button', { name: 'Save', exact: true }));
    await expect(page.getByRole('status').textContent()).resolves.toContain('Saved');
    const [trusted] = await listTrustedManagers(f.agentSql);
    expect(trusted).toMatchObject({ managerId: site, weight: 3, jobTypes: null });
    await screenshot(page, 'agent-managers');

    await page.goto(`${agent}/console/usage`);
    expect(await page.locator('main table').textContent()).toContain(site);
    await screenshot(page, 'agent-usage');
  });
});
