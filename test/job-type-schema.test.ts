import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Sql } from '../common/db.ts';
import { checkParams, validateJobType } from '../common/job-type-schema.ts';
import {
  getJobType,
  jobTypeDefaults,
  listJobTypes,
  saveJobType,
  type JobTypeRow,
} from '../db/job-types.ts';
import { createTestDatabase } from './support/isolation.ts';

const stats: JobTypeRow = {
  name: 'text.stats',
  description: 'counts words',
  timeouts: {},
  paramsSchema: {
    type: 'object',
    required: ['text'],
    properties: {
      text: { type: 'string' },
      limit: { type: 'integer', minimum: 1 },
      mode: { enum: ['words', 'chars'] },
      options: { type: 'object', properties: { trim: { type: 'boolean' } } },
      tags: { type: 'array', items: { type: 'string' } },
      email: { type: 'string', format: 'email' },
    },
    additionalProperties: false,
  },
};

describe('validateJobType', () => {
  it('accepts a job type and fills in defaults', () => {
    expect(validateJobType({ name: 'text.stats' })).toEqual({
      ok: true,
      jobType: { name: 'text.stats', description: '', timeouts: {} },
    });
    const full = { ...stats, outputSchema: { type: 'object' }, retry: { maximumAttempts: 2 } };
    expect(validateJobType(full)).toEqual({ ok: true, jobType: full });
  });

  it('reports structural problems with their paths', () => {
    const result = validateJobType({
      name: 'Text Stats',
      timeouts: { queueMs: -1 },
      retry: { backoffCoefficient: 0.5 },
      colour: 'red',
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: 'name', message: 'dotted lowercase name, e.g. text.stats' },
        { path: 'timeouts.queueMs', message: expect.stringMatching(/>0/) },
        { path: 'retry.backoffCoefficient', message: expect.stringMatching(/>=1/) },
        { path: 'colour', message: 'unknown field "colour"' },
      ],
    });
    expect(validateJobType({})).toEqual({
      ok: false,
      errors: [{ path: 'name', message: 'required (string)' }],
    });
  });

  it('refuses params and output schemas that are not valid JSON Schemas, at the exact path', () => {
    expect(
      validateJobType({
        name: 'x',
        paramsSchema: { type: 'object', properties: { text: { type: 'strin' } } },
        outputSchema: { type: 'object', required: 'n' },
      }),
    ).toEqual({
      ok: false,
      errors: [
        {
          path: 'paramsSchema.properties.text.type',
          message:
            'must be equal to one of the allowed values: "array", "boolean", "integer", "null", "number", "object", "string"',
        },
        { path: 'outputSchema.required', message: 'must be array' },
      ],
    });
  });

  it('refuses unknown keywords (typos) and unresolvable references', () => {
    expect(
      validateJobType({
        name: 'x',
        paramsSchema: { type: 'object', properties: { text: { type: 'string', requird: true } } },
      }),
    ).toEqual({
      ok: false,
      errors: [
        {
          path: 'paramsSchema.properties.text.requird',
          message:
            'not a usable JSON Schema (draft 2020-12): strict mode: unknown keyword: "requird"',
        },
      ],
    });
    const dangling = validateJobType({ name: 'x', paramsSchema: { $ref: '#/$defs/missing' } });
    expect(dangling).toMatchObject({
      ok: false,
      errors: [{ path: 'paramsSchema', message: expect.stringMatching(/can't resolve reference/) }],
    });
  });
});

describe('checkParams', () => {
  it('accepts valid params and anything when there is no schema', () => {
    expect(checkParams(stats, { text: 'hi', limit: 3, tags: ['a'] })).toEqual({ ok: true });
    expect(checkParams({ name: 'free', description: '', timeouts: {} }, { any: 1 })).toEqual({
      ok: true,
    });
  });

  it('lists every problem in one readable message', () => {
    expect(
      checkParams(stats, {
        text: 1,
        limit: 0,
        mode: 'lines',
        options: { trim: 'yes' },
        tags: ['a', 2],
        email: 'nope',
        extra: true,
      }),
    ).toEqual({
      ok: false,
      message: [
        'params.extra is not allowed',
        'params.text must be string',
        'params.limit must be >= 1',
        'params.mode must be equal to one of the allowed values: "words", "chars"',
        'params.options.trim must be boolean',
        'params.tags[1] must be string',
        'params.email must match format "email"',
      ].join('; '),
    });
    expect(checkParams(stats, {})).toEqual({ ok: false, message: 'params.text is required' });
  });

  it('recompiles when the job type schema changes', () => {
    const loose = { ...stats, paramsSchema: { type: 'object' } };
    expect(checkParams(loose, { text: 1 })).toEqual({ ok: true });
    expect(checkParams(stats, { text: 1 })).toEqual({
      ok: false,
      message: 'params.text must be string',
    });
    expect(checkParams(loose, { text: 1 })).toEqual({ ok: true });
  });
});

describe('job types in the manager database', () => {
  let sql: Sql;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase('job_types');
    drop = database.drop;
    sql = await openDatabase(database.url, 'manager');
  });

  afterAll(async () => {
    await sql?.end();
    await drop?.();
  });

  it('saves, reads, lists and updates job types with their schemas', async () => {
    const hash: JobTypeRow = {
      name: 'text.sha256',
      description: 'hash',
      timeouts: { runMs: 1000 },
      retry: { maximumAttempts: 5, initialIntervalMs: 100 },
      outputSchema: { type: 'object', properties: { sha256: { type: 'string' } } },
    };
    await saveJobType(sql, stats);
    await saveJobType(sql, hash);
    expect(await getJobType(sql, 'text.stats')).toEqual(stats);
    expect(await getJobType(sql, 'nope')).toBeUndefined();
    expect(await listJobTypes(sql)).toEqual([hash, stats]);
    expect(await jobTypeDefaults(sql, ['text.sha256', 'text.stats', 'nope'])).toEqual({
      'text.sha256': {
        timeouts: { runMs: 1000 },
        retry: { maximumAttempts: 5, initialIntervalMs: 100 },
      },
      'text.stats': { timeouts: {} },
    });
    const plain: JobTypeRow = { name: stats.name, description: stats.description, timeouts: {} };
    await saveJobType(sql, { ...plain, timeouts: { queueMs: 5, progressMs: 7 } });
    expect(await getJobType(sql, 'text.stats')).toEqual({
      ...plain,
      timeouts: { queueMs: 5, progressMs: 7 },
    });
  });
});
