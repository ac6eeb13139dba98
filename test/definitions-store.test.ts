import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDefinition, applyJobType, checkDefinition } from '../api/definitions.ts';
import { openDatabase } from '../common/db.ts';
import { getDefinition } from '../db/definitions.ts';
import { createTestDatabase } from './support/isolation.ts';

describe('saving definitions and job types', () => {
  let sql: Sql;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase('definitions');
    drop = database.drop;
    sql = await openDatabase(database.url, 'manager');
    await applyJobType(sql, { name: 'text.stats' });
  });

  afterAll(async () => {
    await sql?.end();
    await drop?.();
  });

  const stats = { name: 'stats', version: 1, steps: [{ id: 's', job: 'text.stats', params: {} }] };

  it('saves a valid definition; the same content again is a no-op, other content for that version is refused', async () => {
    await applyDefinition(sql, stats);
    await applyDefinition(sql, stats);
    await expect(
      applyDefinition(sql, { ...stats, steps: [{ id: 't', job: 'text.stats' }] }),
    ).rejects.toMatchObject({
      code: 'definition_version_exists',
      message: expect.stringContaining('save it as version 2'),
    });
    expect(await getDefinition(sql, 'stats')).toEqual(stats);
  });

  it('refuses an invalid definition with every problem at its path, and saves nothing', async () => {
    const bad = {
      name: 'bad',
      version: 1,
      steps: [
        { id: 'a', after: ['b'], job: 'text.nope' },
        { id: 'b', after: ['a'], job: 'text.stats', params: { t: '{{ input. }}' } },
        { id: 'c', workflow: { name: 'missing' } },
      ],
    };
    const error = await applyDefinition(sql, bad).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid_definition' });
    const paths = (error as { issues: { path: string }[] }).issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining(['steps[0].job', 'steps[1].params.t', 'steps[2].workflow.name']),
    );
    expect(
      paths.some((path) => path.startsWith('steps[0].after') || path.startsWith('steps[1].after')),
    ).toBe(true);
    expect(await getDefinition(sql, 'bad')).toBeUndefined();
  });

  it('resolves child workflows against saved definitions', async () => {
    const parent = {
      name: 'parent',
      version: 1,
      steps: [{ id: 'c', workflow: { name: 'stats', version: 1 } }],
    };
    expect(await checkDefinition(sql, parent)).toMatchObject({ ok: true });
    expect(
      await checkDefinition(sql, {
        ...parent,
        steps: [{ id: 'c', workflow: { name: 'stats', version: 9 } }],
      }),
    ).toMatchObject({
      ok: false,
      errors: [{ path: 'steps[0].workflow.name', message: expect.stringContaining('version 9') }],
    });
  });

  it('refuses a job type whose params schema is not a JSON Schema', async () => {
    await expect(
      applyJobType(sql, { name: 'text.odd', paramsSchema: { type: 'stringy' } }),
    ).rejects.toMatchObject({
      code: 'invalid_job_type',
      issues: [{ path: expect.stringMatching(/^paramsSchema/) }],
    });
  });
});
