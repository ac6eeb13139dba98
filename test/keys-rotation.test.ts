import { readdir, readFile, stat, writeFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { Validator } from '@seriousme/openapi-schema-validator';
import amqp, { type ConsumeMessage } from 'amqplib';
import { pino } from 'pino';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Handler } from '../agent/handler.ts';
import { startAgent } from '../agent/main.ts';
import { addTrustedManager } from '../agent/trust.ts';
import { trustedAgents } from '../bridge/trust.ts';
import { parseGrace } from '../cli/trust-commands.ts';
import {
  ConfirmedPublisher,
  declareJobQueue,
  declareReplyQueue,
  declareShared,
  topologyNames,
} from '../common/broker.ts';
import { openDatabase, type Sql } from '../common/db.ts';
import {
  ANY_RECIPIENT,
  open,
  peekUnverified,
  RefusedMessageError,
  seal,
} from '../common/envelope.ts';
import {
  generateIdentity,
  initKeyFiles,
  KeyFileError,
  loadIdentity,
  publicKeyPem,
  retiredKeyIds,
  retiredKeysDir,
  rotateKeyFiles,
  type Identity,
} from '../common/keys.ts';
import { createLogger } from '../common/log.ts';
import { toStruct } from '../common/struct.ts';
import { TrustedKeys } from '../common/trusted-keys.ts';
import { saveToken } from '../db/tokens.ts';
import { agentTestEnv } from './support/agent-env.ts';
import { caroni } from './support/cli.ts';
import {
  createTestDatabase,
  deleteBrokerTopology,
  testAmqpUrl,
  uniqueName,
  waitFor,
} from './support/isolation.ts';
import { startManagerApp, type ManagerAppUnderTest } from './support/manager-app.ts';

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'caroni-keys-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

/** The reason `open` refuses `bytes` with, or 'opened'. */
function verdict(bytes: Uint8Array, self: string, trust: TrustedKeys): string {
  try {
    open(bytes, self, trust.lookup);
    return 'opened';
  } catch (error) {
    if (error instanceof RefusedMessageError) return error.reason;
    throw error;
  }
}

/** A reply as an agent signs it for `managerId`. */
const reply = (agent: Identity, managerId: string) =>
  seal(agent, managerId, { jobProgress: { jobId: 'j', attempt: 1 } });

describe('key files', () => {
  it('writes private keys 0600 in a 0700 folder, and rotation keeps the old key as retired', async () => {
    const dir = path.join(await tempDir(), 'keys');
    const first = await initKeyFiles(dir, 'site-a');
    expect(await modeOf(path.join(dir, 'site-a.key'))).toBe(0o600);
    expect(await modeOf(dir)).toBe(0o700);
    await expect(initKeyFiles(dir, 'site-a')).rejects.toThrow(/caroni keys rotate site-a/);

    const rotation = await rotateKeyFiles(dir, 'site-a');
    expect(rotation.retiredKeyId).toBe(first.keyId);
    expect(rotation.current.keyId).not.toBe(first.keyId);
    expect(rotation.retiredPrivatePath).toBe(
      path.join(retiredKeysDir(dir), `site-a.${first.keyId}.key`),
    );
    // The new key signs from now on; the old one lies, owner-only, beside its public half.
    expect((await loadIdentity(dir, 'site-a')).keyId).toBe(rotation.current.keyId);
    expect(await modeOf(path.join(dir, 'site-a.key'))).toBe(0o600);
    expect(await modeOf(rotation.retiredPrivatePath)).toBe(0o600);
    expect(await modeOf(retiredKeysDir(dir))).toBe(0o700);
    expect(await readFile(path.join(dir, 'site-a.pub'), 'utf8')).toBe(
      publicKeyPem(rotation.current.publicKey),
    );
    const retiredPub = await readFile(
      path.join(retiredKeysDir(dir), `site-a.${first.keyId}.pub`),
      'utf8',
    );
    expect(retiredPub).toBe(publicKeyPem(first.publicKey));
    // Nothing half-written is left behind.
    expect((await readdir(dir)).sort()).toEqual(['retired', 'site-a.key', 'site-a.pub']);

    const again = await rotateKeyFiles(dir, 'site-a');
    expect(await retiredKeyIds(dir, 'site-a')).toEqual(
      [first.keyId, rotation.current.keyId].sort(),
    );
    expect(again.retiredKeyId).toBe(rotation.current.keyId);
  });

  it('refuses to rotate a key that does not exist, and ids that are not party ids', async () => {
    const dir = await tempDir();
    await expect(rotateKeyFiles(dir, 'nobody')).rejects.toThrow(/caroni keys init nobody/);
    for (const id of ['../escape', 'UPPER', 'a/b', '']) {
      await expect(initKeyFiles(dir, id)).rejects.toBeInstanceOf(KeyFileError);
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('never shows the private key when an identity is logged, printed or serialized', async () => {
    const identity = generateIdentity('site-a');
    const secrets = [
      identity.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().split('\n')[1] ?? '',
      identity.privateKey.export({ format: 'jwk' }).d ?? '',
      identity.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
      identity.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('hex'),
    ];
    expect(secrets.every((secret) => secret.length > 20)).toBe(true);

    let logged = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged += chunk.toString();
        done();
      },
    });
    pino({}, sink).info({ identity, nested: { key: identity } }, 'identity loaded');
    const outputs = [
      logged,
      JSON.stringify(identity),
      inspect(identity, { depth: 10, showHidden: true }),
      String(inspect({ identity })),
    ];
    for (const output of outputs) {
      expect(output).toContain(identity.keyId);
      for (const secret of secrets) expect(output).not.toContain(secret);
    }
  });

  it('`caroni keys init|rotate|show` print public keys and key ids and the next steps, never a private key', async () => {
    const dataDir = await tempDir();
    const env = { CARONI_DATA_DIR: dataDir, CARONI_MANAGER_ID: 'site-r' };
    const init = await caroni(['keys', 'init', 'site-r'], env);
    expect(init.code, init.stderr).toBe(0);
    const first = await loadIdentity(path.join(dataDir, 'keys'), 'site-r');
    expect(init.stdout).toBe(publicKeyPem(first.publicKey));
    expect(init.stderr).toContain(first.keyId);

    const rotate = await caroni(['keys', 'rotate', 'site-r'], env);
    expect(rotate.code, rotate.stderr).toBe(0);
    const current = await loadIdentity(path.join(dataDir, 'keys'), 'site-r');
    expect(rotate.stdout).toBe(publicKeyPem(current.publicKey));
    expect(rotate.stderr).toContain(current.keyId);
    expect(rotate.stderr).toContain(first.keyId);
    // site-r is this configuration's manager: its peers are agents.
    expect(rotate.stderr).toContain('caroni trust add-key manager site-r');
    expect(rotate.stderr).toContain(`caroni trust revoke-key manager site-r ${first.keyId}`);

    const show = await caroni(['keys', 'show', 'site-r'], env);
    expect(show.stdout).toBe(publicKeyPem(current.publicKey));
    expect(show.stderr).toContain(`key id ${current.keyId} (retired: ${first.keyId})`);
    for (const identity of [first, current]) {
      const body = identity.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      for (const output of [init, rotate, show]) {
        expect(output.stdout + output.stderr).not.toContain(body.split('\n')[1]);
      }
    }
    expect((await caroni(['keys', 'rotate', 'nobody'], env)).stderr).toContain(
      'caroni keys init nobody',
    );
  });
});

describe('TrustedKeys', () => {
  it('accepts current and retired keys, refuses expired ones as retired_key and revoked ones as revoked_key', async () => {
    const [current, retired, expired, revoked, stranger] = Array.from({ length: 5 }, () =>
      generateIdentity('agent-a'),
    ) as [Identity, Identity, Identity, Identity, Identity];
    let now = Date.parse('2030-01-01T00:00:00Z');
    const pem = (identity: Identity) => publicKeyPem(identity.publicKey);
    const trust = new TrustedKeys(
      async () => [
        {
          id: 'agent-a',
          keys: [
            { publicKeyPem: pem(current), notAfter: null, revokedAt: null },
            { publicKeyPem: pem(retired), notAfter: new Date(now + 60_000), revokedAt: null },
            { publicKeyPem: pem(expired), notAfter: new Date(now - 1), revokedAt: null },
            { publicKeyPem: pem(revoked), notAfter: null, revokedAt: new Date(now - 5) },
          ],
        },
        // As a party was given before keys rotated: one key, its current one.
        { id: 'agent-b', publicKeyPem: pem(generateIdentity('agent-b')) },
      ],
      { now: () => now },
    );
    await trust.refresh();
    expect(trust.ids().sort()).toEqual(['agent-a', 'agent-b']);
    expect(verdict(reply(current, 'm'), 'm', trust)).toBe('opened');
    expect(verdict(reply(retired, 'm'), 'm', trust)).toBe('opened');
    expect(verdict(reply(expired, 'm'), 'm', trust)).toBe('retired_key');
    expect(verdict(reply(revoked, 'm'), 'm', trust)).toBe('revoked_key');
    expect(verdict(reply(stranger, 'm'), 'm', trust)).toBe('unknown_key');
    // The grace period is checked at lookup time: no reload needed when it ends.
    now += 60_000;
    expect(verdict(reply(retired, 'm'), 'm', trust)).toBe('retired_key');
    expect(verdict(reply(current, 'm'), 'm', trust)).toBe('opened');
  });
});

describe('parseGrace', () => {
  it('reads durations with a unit and refuses the rest', () => {
    expect([parseGrace('7d'), parseGrace('12h'), parseGrace('30m'), parseGrace('0s')]).toEqual([
      604_800, 43_200, 1_800, 0,
    ]);
    for (const bad of ['7', '1w', '-1d', '1.5h', '366d', 'd']) {
      expect(() => parseGrace(bad)).toThrow(/duration/);
    }
  });
});

describe('migrations', () => {
  /** Applies the migrations of `role` before `upTo` the way `db/migrate.ts` does, then hands over. */
  async function databaseBefore(role: 'manager' | 'agent', upTo: string) {
    const db = await createTestDatabase(`${role}_keys`);
    cleanups.push(() => db.drop());
    const raw = postgres(db.url, { max: 1, onnotice: () => {} });
    const dir = path.join(import.meta.dirname, '..', 'db', 'migrations', role);
    await raw`create table caroni_migrations (name text primary key, applied_at timestamptz not null default now())`;
    for (const file of (await readdir(dir)).sort().filter((name) => name < upTo)) {
      await raw.unsafe(await readFile(path.join(dir, file), 'utf8'));
      await raw`insert into caroni_migrations (name) values (${file})`;
    }
    return { raw, url: db.url };
  }

  it('carries each stored key over as the current key, with the key id common/keys.ts computes', async () => {
    const agentKey = generateIdentity('agent-x');
    const managerKey = generateIdentity('site-x');
    const manager = await databaseBefore('manager', '006');
    await manager.raw`insert into trusted_agents (agent_id, public_key_pem) values ('agent-x', ${publicKeyPem(agentKey.publicKey)})`;
    await manager.raw.end();
    const agent = await databaseBefore('agent', '007');
    await agent.raw`insert into trusted_managers (manager_id, public_key_pem, weight) values ('site-x', ${publicKeyPem(managerKey.publicKey)}, 2)`;
    await agent.raw.end();

    const managerSql = await openDatabase(manager.url, 'manager');
    cleanups.push(() => managerSql.end({ timeout: 5 }));
    const agentSql = await openDatabase(agent.url, 'agent');
    cleanups.push(() => agentSql.end({ timeout: 5 }));
    expect(
      await managerSql`select agent_id, key_id, not_after, revoked_at from trusted_agent_keys`,
    ).toEqual([{ agent_id: 'agent-x', key_id: agentKey.keyId, not_after: null, revoked_at: null }]);
    expect(
      await agentSql`select manager_id, key_id, not_after, revoked_at from trusted_manager_keys`,
    ).toEqual([
      { manager_id: 'site-x', key_id: managerKey.keyId, not_after: null, revoked_at: null },
    ]);
    const trust = trustedAgents(managerSql);
    await trust.refresh();
    expect(verdict(reply(agentKey, 'site-x'), 'site-x', trust)).toBe('opened');
  });
});

describe("the manager's trusted agents", () => {
  const token = 'caroni_keys-rotation-admin-0123456789';
  let sql: Sql;
  let app: ManagerAppUnderTest['app'];
  let manager: ManagerAppUnderTest | undefined;

  beforeAll(async () => {
    manager = await startManagerApp('manager_keys', token);
    ({ sql, app } = manager);
  });

  afterAll(async () => {
    await manager?.close();
  });

  const call = async (route: string, body?: unknown) => {
    const response = await app.request(route, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const keysOf = (body: Record<string, unknown>) =>
    (body.keys as { keyId: string; state: string }[]).map((key) => [key.keyId, key.state]);

  it('keeps the old key through its grace period, refuses it after, and refuses a revoked key at the next refresh', async () => {
    const agentId = uniqueName('agent');
    const [k1, k2, k3] = [1, 2, 3].map(() => generateIdentity(agentId)) as [
      Identity,
      Identity,
      Identity,
    ];
    const pem = (identity: Identity) => publicKeyPem(identity.publicKey);
    const bridge = trustedAgents(sql);
    const verdictNow = async (identity: Identity) => {
      await bridge.refresh();
      return verdict(reply(identity, 'site'), 'site', bridge);
    };

    const added = await call('/v1/admin/trusted-agents', { agentId, publicKeyPem: pem(k1) });
    expect(added).toMatchObject({ status: 200, body: { agentId, publicKeyPem: pem(k1) } });
    expect(keysOf(added.body)).toEqual([[k1.keyId, 'current']]);

    // The agent rotated: its new key is added, the old one stays valid for an hour.
    const rotated = await call(`/v1/admin/trusted-agents/${agentId}/keys`, {
      publicKeyPem: pem(k2),
      graceSeconds: 3_600,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.publicKeyPem).toBe(pem(k2));
    expect(keysOf(rotated.body)).toEqual([
      [k1.keyId, 'retired'],
      [k2.keyId, 'current'],
    ]);
    const retiredUntil = Date.parse(
      (rotated.body.keys as { notAfter: string }[])[0]?.notAfter ?? '',
    );
    expect(retiredUntil - Date.now()).toBeGreaterThan(3_500_000);
    expect(await verdictNow(k1)).toBe('opened');
    expect(await verdictNow(k2)).toBe('opened');

    // Revoked: the bridge refuses it from its next refresh on (every 5 s; here at once).
    const revoked = await call(`/v1/admin/trusted-agents/${agentId}/keys/${k1.keyId}/revoke`, {});
    expect(revoked).toMatchObject({ status: 200, body: { agentId, keyId: k1.keyId } });
    expect(verdict(reply(k1, 'site'), 'site', bridge)).toBe('opened');
    expect(await verdictNow(k1)).toBe('revoked_key');
    expect(await verdictNow(k2)).toBe('opened');

    // A short grace: k2 is refused the moment it ends, without another reload.
    const again = await call(`/v1/admin/trusted-agents/${agentId}/keys`, {
      publicKeyPem: pem(k3),
      graceSeconds: 1,
    });
    expect(keysOf(again.body)).toEqual([
      [k1.keyId, 'revoked'],
      [k2.keyId, 'retired'],
      [k3.keyId, 'current'],
    ]);
    expect(await verdictNow(k2)).toBe('opened');
    const graceEnds = Date.parse(
      (again.body.keys as { keyId: string; notAfter: string }[]).find(
        (key) => key.keyId === k2.keyId,
      )?.notAfter ?? '',
    );
    await waitFor(() => Date.now() > graceEnds, { what: 'the end of the grace period' });
    expect(verdict(reply(k2, 'site'), 'site', bridge)).toBe('retired_key');
    expect(verdict(reply(k3, 'site'), 'site', bridge)).toBe('opened');

    const listed = await call('/v1/admin/trusted-agents');
    const entry = (listed.body.agents as { agentId: string }[]).find((a) => a.agentId === agentId);
    expect(keysOf(entry as Record<string, unknown>)).toEqual([
      [k1.keyId, 'revoked'],
      [k2.keyId, 'expired'],
      [k3.keyId, 'current'],
    ]);

    // Removed and trusted again: its old keys do not come back, and a revoked key stays refused.
    expect(
      (
        await app.request(`/v1/admin/trusted-agents/${agentId}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${token}` },
        })
      ).status,
    ).toBe(200);
    expect(await verdictNow(k3)).toBe('unknown_key');
    const back = await call('/v1/admin/trusted-agents', { agentId, publicKeyPem: pem(k3) });
    expect(keysOf(back.body)).toEqual([
      [k1.keyId, 'revoked'],
      [k2.keyId, 'expired'],
      [k3.keyId, 'current'],
    ]);
    expect(await verdictNow(k3)).toBe('opened');
    expect(await verdictNow(k2)).toBe('retired_key');
    expect(
      await call('/v1/admin/trusted-agents', { agentId, publicKeyPem: pem(k1) }),
    ).toMatchObject({ status: 409, body: { error: { code: 'key_revoked' } } });

    const audit = await call('/v1/admin/audit?limit=500');
    expect(
      (audit.body.entries as { action: string; target: string; details: unknown }[])
        .filter((e) => e.target === agentId)
        .map((e) => [e.action, e.details])
        .reverse(),
    ).toEqual([
      ['trust.agent.add', { keyId: k1.keyId, graceSeconds: null }],
      ['trust.agent.key.add', { keyId: k2.keyId, graceSeconds: 3_600 }],
      ['trust.agent.key.revoke', { keyId: k1.keyId }],
      ['trust.agent.key.add', { keyId: k3.keyId, graceSeconds: 1 }],
      ['trust.agent.remove', null],
      ['trust.agent.add', { keyId: k3.keyId, graceSeconds: null }],
    ]);
  });

  it('describes its key routes in a valid OpenAPI document', async () => {
    const document = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect((await new Validator().validate(document)).errors ?? []).toEqual([]);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/admin/trusted-agents/{agentId}/keys',
        '/v1/admin/trusted-agents/{agentId}/keys/{keyId}/revoke',
      ]),
    );
  });

  it('answers 404 for a key or an agent it does not have, and 400 for a bad key or grace', async () => {
    const agentId = uniqueName('agent');
    const key = publicKeyPem(generateIdentity(agentId).publicKey);
    expect(
      await call(`/v1/admin/trusted-agents/${agentId}/keys`, { publicKeyPem: key }),
    ).toMatchObject({ status: 404, body: { error: { code: 'agent_not_trusted' } } });
    await call('/v1/admin/trusted-agents', { agentId, publicKeyPem: key });
    expect(
      await call(`/v1/admin/trusted-agents/${agentId}/keys/0123456789abcdef/revoke`, {}),
    ).toMatchObject({ status: 404, body: { error: { code: 'key_not_found' } } });
    expect(
      await call(`/v1/admin/trusted-agents/${agentId}/keys`, { publicKeyPem: 'not a key' }),
    ).toMatchObject({ status: 400, body: { error: { code: 'invalid_public_key' } } });
    expect(
      await call(`/v1/admin/trusted-agents/${agentId}/keys`, {
        publicKeyPem: key,
        graceSeconds: -1,
      }),
    ).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
  });
});

describe("the agent's trusted managers", () => {
  const adminToken = 'caroni_keys-rotation-agent-admin-0123456789';
  const jobType = 'test.echo';

  /** An agent trusting one manager (key `first`), and a manager the test plays. */
  async function setup() {
    const { topology, sql, dataDir, config } = await agentTestEnv(cleanups, { slots: 2 });
    const managerId = uniqueName('site');
    cleanups.push(() =>
      deleteBrokerTopology(topology.prefix, [managerId], [jobType], [config.agent.id]),
    );
    const connection = await amqp.connect(testAmqpUrl);
    cleanups.push(() => connection.close());
    const names = topologyNames(topology.prefix);
    const channel = await connection.createConfirmChannel();
    await declareShared(channel, topology);
    await declareJobQueue(channel, topology, managerId, jobType);
    const results = new Set<string>();
    await channel.consume(
      await declareReplyQueue(channel, topology, managerId),
      (message) => {
        // Only counted: which jobs ran. Verifying replies is the bridge's business.
        const jobId = message && peekUnverified(message.content)?.jobResult?.jobId;
        if (jobId) results.add(jobId);
      },
      { noAck: true },
    );
    const deadLetters: ConsumeMessage[] = [];
    await channel.consume(names.deadLetterQueue, (m) => m && deadLetters.push(m), {
      noAck: true,
    });
    const publisher = new ConfirmedPublisher(channel);

    const first = generateIdentity(managerId);
    await addTrustedManager(sql, { managerId, publicKeyPem: publicKeyPem(first.publicKey) });
    await saveToken(sql, 'ops', 'admin', adminToken);
    const echo: Handler = async (params) => ({ echo: params.value ?? null });
    const running = await startAgent(config, {
      sql,
      handlers: { [jobType]: echo },
      log: createLogger('keys-rotation-agent', process.env.LOG_LEVEL ?? 'silent'),
      // Far beyond the test: every change must take effect through the admin API's reload.
      options: { trustRefreshMs: 600_000, stopTimeoutMs: 5_000 },
    });
    cleanups.push(() => running.stop());
    const url = `http://127.0.0.1:${running.apiPort}`;

    /** Publishes a request signed with `key` and resolves to its job id. */
    const publish = async (key: Identity) => {
      const jobId = uniqueName('job');
      const bytes = seal(key, ANY_RECIPIENT, {
        jobRequest: {
          jobId,
          ref: {
            manager: managerId,
            namespace: 'ns',
            workflowId: 'wf',
            runId: 'run',
            stepId: jobId,
          },
          attempt: 1,
          jobType,
          parameters: toStruct({ value: jobId }),
          queueDeadlineMs: Date.now() + 60_000,
          runTimeoutMs: 10_000,
          progressIntervalMs: 1_000,
          idempotencyKey: `key-${jobId}`,
        },
      });
      await publisher.publish(names.jobsExchange, names.jobRoutingKey(managerId, jobType), bytes);
      return jobId;
    };
    const ran = (jobId: string) =>
      waitFor(() => results.has(jobId), { what: `the result of ${jobId}` });
    const deadLettered = (jobId: string) =>
      waitFor(
        () =>
          deadLetters.find((m) => m.content.includes(jobId))?.properties.headers?.[
            'x-caroni-reason'
          ] as string | undefined,
        { what: `the dead letter of ${jobId}` },
      );
    const api = async (route: string, body?: unknown) => {
      const response = await fetch(`${url}${route}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    return {
      agent: running.agent,
      url,
      dataDir,
      managerId,
      first,
      publish,
      ran,
      deadLettered,
      api,
    };
  }

  it('runs jobs signed with the new key and the old one in its grace, and dead-letters a revoked key at once', async () => {
    const { agent, managerId, first, publish, ran, deadLettered, api } = await setup();
    expect(await ran(await publish(first))).toBe(true);

    // The manager rotated; the agent's operator adds its new key.
    const second = generateIdentity(managerId);
    const rotated = await api(`/v1/admin/managers/${managerId}/keys`, {
      publicKeyPem: publicKeyPem(second.publicKey),
    });
    expect(rotated).toMatchObject({ status: 200, body: { managerId, weight: 1 } });
    const keys = rotated.body.keys as { keyId: string; state: string; notAfter: string | null }[];
    expect(keys.map((key) => [key.keyId, key.state])).toEqual([
      [first.keyId, 'retired'],
      [second.keyId, 'current'],
    ]);
    // The default grace: 7 days.
    const graceMs = Date.parse(keys[0]?.notAfter ?? '') - Date.now();
    expect(graceMs).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(graceMs).toBeLessThanOrEqual(7 * 86_400_000);

    expect(await ran(await publish(second))).toBe(true);
    expect(await ran(await publish(first))).toBe(true);

    // Stolen: revoked through the API, refused from the answer on (no periodic reload here).
    const revoked = await api(`/v1/admin/managers/${managerId}/keys/${first.keyId}/revoke`, {});
    expect(revoked).toMatchObject({ status: 200, body: { managerId, keyId: first.keyId } });
    expect(await deadLettered(await publish(first))).toBe('revoked_key');
    expect(agent.stats().refused).toEqual({ revoked_key: 1 });
    expect(await ran(await publish(second))).toBe(true);

    // A short grace: the retired key is refused once it ends.
    const third = generateIdentity(managerId);
    const short = await api(`/v1/admin/managers/${managerId}/keys`, {
      publicKeyPem: publicKeyPem(third.publicKey),
      graceSeconds: 1,
    });
    const graceEnds = Date.parse(
      (short.body.keys as { keyId: string; notAfter: string }[]).find(
        (key) => key.keyId === second.keyId,
      )?.notAfter ?? '',
    );
    await waitFor(() => Date.now() > graceEnds, { what: 'the end of the grace period' });
    expect(await deadLettered(await publish(second))).toBe('retired_key');
    expect(await ran(await publish(third))).toBe(true);
    expect(agent.stats().refused).toEqual({ revoked_key: 1, retired_key: 1 });
  });

  it('serves `caroni trust add-key|revoke-key|list` for managers', async () => {
    const { url, dataDir, managerId, first, api } = await setup();
    const env = { CARONI_AGENT_API_URL: url, CARONI_TOKEN: adminToken, CARONI_DATA_DIR: dataDir };
    const second = generateIdentity(managerId);
    const keyFile = path.join(dataDir, 'second.pub');
    await writeFile(keyFile, publicKeyPem(second.publicKey));

    const bad = await caroni(
      ['trust', 'add-key', 'manager', managerId, keyFile, '--grace', '2w'],
      env,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('duration');
    const add = await caroni(
      ['trust', 'add-key', 'manager', managerId, keyFile, '--grace', '2h'],
      env,
    );
    expect(add.code, add.stderr).toBe(0);
    const saved = JSON.parse(add.stdout) as { keys: { keyId: string; notAfter: string | null }[] };
    const oldKey = saved.keys.find((key) => key.keyId === first.keyId);
    const graceMs = Date.parse(oldKey?.notAfter ?? '') - Date.now();
    expect(graceMs).toBeGreaterThan(2 * 3_600_000 - 60_000);
    expect(graceMs).toBeLessThanOrEqual(2 * 3_600_000);

    const revoke = await caroni(['trust', 'revoke-key', 'manager', managerId, first.keyId], env);
    expect(revoke.code, revoke.stderr).toBe(0);
    expect(JSON.parse(revoke.stdout)).toMatchObject({ managerId, keyId: first.keyId });
    const missing = await caroni(
      ['trust', 'revoke-key', 'manager', managerId, 'ffffffffffffffff'],
      env,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`has no key ffffffffffffffff`);

    const list = await caroni(['trust', 'list', 'managers'], env);
    const [listed] = list.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { keys: { keyId: string; state: string }[] });
    expect(listed?.keys.map((key) => [key.keyId, key.state])).toEqual([
      [first.keyId, 'revoked'],
      [second.keyId, 'current'],
    ]);
    expect((await api('/v1/admin/audit')).body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'trust.manager.key.revoke', target: managerId }),
        expect.objectContaining({ action: 'trust.manager.key.add', target: managerId }),
      ]),
    );
  });
});
