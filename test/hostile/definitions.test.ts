import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDefinition, applyJobType } from '../../api/definitions.ts';
import type { Sql } from '../../common/db.ts';
import { MAX_JSON_DEPTH } from '../../common/json.ts';
import { DefinitionLimits } from '../../workflows/definition.ts';
import { maxExpressionDepth } from '../../workflows/expression-parser.ts';
import { startManagerApp, type ManagerAppUnderTest } from '../support/manager-app.ts';
import { yamlBomb } from './support/http-fuzz.ts';
import { hostileSeed } from './support/seed.ts';
import { Tally } from './support/tally.ts';

/**
 * Hostile workflow definitions: deep nesting, fan-out and step counts over
 * the limits, expression bombs, huge documents, alias bombs, numbers past
 * what the database holds. Each is refused with 400 (413 past the body
 * limit) naming the documented limit it breaks (docs/DEFINITIONS.md
 * "Limits"), and nothing is saved. Served in process: only the manager's
 * database is real, as these routes need nothing else.
 */

const token = 'caroni_hostile-definitions-admin-0123456789';
const RUNS = 25;

let sql: Sql;
let app: ManagerAppUnderTest['app'];
let manager: ManagerAppUnderTest | undefined;

beforeAll(async () => {
  manager = await startManagerApp('hostile_definitions', token);
  ({ sql, app } = manager);
  await applyJobType(sql, { name: 'test.echo', timeouts: {} });
});

afterAll(async () => {
  await manager?.close();
});

interface Refusal {
  status: number;
  code: string;
  /** The message and every issue (path and message), joined. */
  text: string;
}

/** Posts a definition (text, as JSON or YAML) for saving, and reads the refusal. */
async function save(body: string, type = 'application/json'): Promise<Refusal> {
  const response = await app.request('/v1/admin/definitions', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body,
  });
  const json = (await response.json()) as {
    error?: { code: string; message: string; issues?: { path: string; message: string }[] };
  };
  const issues = (json.error?.issues ?? []).map((i) => `${i.path}: ${i.message}`);
  return {
    status: response.status,
    code: json.error?.code ?? '(none)',
    text: [json.error?.message, ...issues].join(' | '),
  };
}

/** Names of every definition saved. */
async function saved(): Promise<string[]> {
  return (
    await sql<{ name: string }[]>`select distinct name from workflow_definitions order by name`
  ).map((r) => r.name);
}

/** A valid definition's text with `step` (JSON text) as its only step, or with `steps` as-is. */
function definitionText(name: string, steps: string): string {
  return `{"name":${JSON.stringify(name)},"version":1,"steps":${steps}}`;
}

const defName = fc.integer({ min: 0, max: 1e9 }).map((n) => `hostile-${n}`);

/**
 * Each kind of hostile definition, as an arbitrary of its text and content
 * type, the error codes that may refuse it and the limits (one of which the
 * refusal must name).
 */
const bombs = {
  'params nested past the body depth limit': fc
    .record({ name: defName, depth: fc.integer({ min: MAX_JSON_DEPTH + 1, max: 50_000 }) })
    .map(({ name, depth }) => ({
      name,
      body: definitionText(
        name,
        `[{"id":"a","job":"test.echo","params":{"x":${'['.repeat(depth)}1${']'.repeat(depth)}}}]`,
      ),
      type: 'application/json',
      codes: ['too_deep'],
      limits: [String(MAX_JSON_DEPTH)],
    })),
  // Past some hundreds of levels (the stack decides) the YAML parser refuses it at a position;
  // below, validation does, by the same depth limit as a JSON body.
  'YAML nested past the depth limit': fc
    .record({ name: defName, depth: fc.integer({ min: MAX_JSON_DEPTH + 1, max: 20_000 }) })
    .map(({ name, depth }) => ({
      name,
      body: `name: ${name}\nversion: 1\nsteps:\n  - id: a\n    job: test.echo\n    params:\n      x: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`,
      type: 'application/yaml',
      codes: ['definition_syntax', 'invalid_definition'],
      limits: [String(MAX_JSON_DEPTH), 'invalid YAML at line 7'],
    })),
  'fan-out concurrency above the limit': fc
    .record({
      name: defName,
      concurrency: fc.oneof(
        fc.integer({ min: DefinitionLimits.maxConcurrency + 1, max: 2 ** 31 }),
        fc.constantFrom(1e300, 2 ** 53),
      ),
    })
    .map(({ name, concurrency }) => ({
      name,
      body: definitionText(
        name,
        `[{"id":"fan","forEach":"range(3)","concurrency":${concurrency},"job":"test.echo"}]`,
      ),
      type: 'application/json',
      codes: ['invalid_definition'],
      limits: [String(DefinitionLimits.maxConcurrency)],
    })),
  'more steps than the limit': fc
    .record({
      name: defName,
      count: fc.integer({ min: DefinitionLimits.maxSteps + 1, max: 3_000 }),
    })
    .map(({ name, count }) => ({
      name,
      body: definitionText(
        name,
        JSON.stringify(
          Array.from({ length: count }, (_, i) => ({
            id: `s${i}`,
            job: 'test.echo',
            ...(i > 0 ? { after: [`s${i - 1}`] } : {}),
          })),
        ),
      ),
      type: 'application/json',
      codes: ['invalid_definition'],
      limits: [String(DefinitionLimits.maxSteps)],
    })),
  'an expression longer than the limit': fc
    .record({
      name: defName,
      // `d + ` is four characters: one more term than a quarter of the limit is past it.
      terms: fc.integer({ min: DefinitionLimits.maxExpressionLength / 4 + 1, max: 20_000 }),
      where: fc.constantFrom('when', 'params', 'output'),
    })
    .map(({ name, terms, where }) => {
      const expression = Array.from({ length: terms }, (_, i) => `${i % 10}`).join(' + ');
      const step: Record<string, unknown> = { id: 'a', job: 'test.echo' };
      if (where === 'when') step.when = expression;
      if (where === 'params') step.params = { x: `{{ ${expression} }}` };
      if (where === 'output') step.output = `{{ ${expression} }}`;
      return {
        name,
        body: definitionText(name, JSON.stringify([step])),
        type: 'application/json',
        codes: ['invalid_definition'],
        limits: [String(DefinitionLimits.maxExpressionLength)],
      };
    }),
  'an expression nested past the limit': fc
    .record({
      name: defName,
      depth: fc.integer({ min: maxExpressionDepth + 1, max: 480 }),
      shape: fc.constantFrom('(', '-', '!', 'len(', '['),
    })
    .map(({ name, depth, shape }) => {
      const close = { '(': ')', '-': '', '!': '', 'len(': ')', '[': ']' }[shape];
      const expression = `${shape.repeat(depth)}1${close.repeat(depth)}`;
      return {
        name,
        body: definitionText(
          name,
          JSON.stringify([{ id: 'a', job: 'test.echo', when: expression }]),
        ),
        type: 'application/json',
        codes: ['invalid_definition'],
        // Within the length limit the nesting limit speaks; past it, the length limit does.
        limits: [
          expression.length > DefinitionLimits.maxExpressionLength
            ? String(DefinitionLimits.maxExpressionLength)
            : String(maxExpressionDepth),
        ],
      };
    }),
  'a document over the size limit': fc
    .record({
      name: defName,
      bytes: fc.integer({ min: DefinitionLimits.maxBytes + 1, max: 1_000_000 }),
      where: fc.constantFrom('description', 'params'),
    })
    .map(({ name, bytes, where }) => {
      const filler = 'x'.repeat(bytes);
      const text =
        where === 'description'
          ? `{"name":"${name}","version":1,"description":"${filler}","steps":[{"id":"a","job":"test.echo"}]}`
          : definitionText(name, `[{"id":"a","job":"test.echo","params":{"x":"${filler}"}}]`);
      return {
        name,
        body: text,
        type: 'application/json',
        codes: ['invalid_definition'],
        limits: [String(DefinitionLimits.maxBytes)],
      };
    }),
  'a body over the request limit': fc
    .record({ name: defName, bytes: fc.integer({ min: 1_048_577, max: 3_000_000 }) })
    .map(({ name, bytes }) => ({
      name,
      body: definitionText(
        name,
        `[{"id":"a","job":"test.echo","params":{"x":"${'x'.repeat(bytes)}"}}]`,
      ),
      type: 'application/json',
      codes: ['body_too_large'],
      limits: ['1048576'],
    })),
  'a YAML alias bomb': fc
    .record({ name: defName, levels: fc.integer({ min: 3, max: 15 }) })
    .map(({ name, levels }) => ({
      name,
      body: `name: ${name}\nversion: 1\nsteps:\n  - id: a\n    job: test.echo\n    params:\n${yamlBomb(
        levels,
      )
        .split('\n')
        .map((line) => `      ${line}`)
        .join('\n')}`,
      type: 'application/yaml',
      codes: ['definition_syntax'],
      limits: ['alias'],
    })),
  'versions past what the database holds': fc
    .record({
      name: defName,
      version: fc.constantFrom(2 ** 31, 2 ** 53, 1e300, 1.5, -1, 0),
      child: fc.boolean(),
    })
    .map(({ name, version, child }) => ({
      name,
      body: child
        ? definitionText(name, `[{"id":"c","workflow":{"name":"other","version":${version}}}]`)
        : `{"name":"${name}","version":${version},"steps":[{"id":"a","job":"test.echo"}]}`,
      type: 'application/json',
      codes: ['invalid_definition'],
      limits: ['version'],
    })),
};

describe('hostile definitions', () => {
  for (const [kind, bomb] of Object.entries(bombs)) {
    it(`refuses ${kind}, naming the limit, and saves nothing`, async ({ task }) => {
      const tally = new Tally(task);
      await fc.assert(
        fc.asyncProperty(bomb, async ({ name, body, type, codes, limits }) => {
          tally.sent();
          const refusal = await save(body, type);
          if (refusal.status >= 500) tally.crashed();
          expect(refusal.status, refusal.text).toBe(codes.includes('body_too_large') ? 413 : 400);
          expect(codes).toContain(refusal.code);
          expect(
            limits.some((limit) => refusal.text.includes(limit)),
            `${refusal.text.slice(0, 300)} names none of ${limits.join(', ')}`,
          ).toBe(true);
          // The validate route refuses it the same way, saving nothing either.
          const validated = await app.request('/v1/admin/definitions/validate', {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': type },
            body,
          });
          if (validated.status >= 500) tally.crashed();
          expect(validated.status).toBeLessThan(500);
          const found = await app.request(`/v1/admin/definitions/${name}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          expect(found.status).toBe(404);
        }),
        { numRuns: RUNS, endOnFailure: true, seed: hostileSeed },
      );
      expect(await saved()).toEqual([]);
      expect(tally.crashes).toBe(0);
    });
  }

  it(`refuses child workflows nested past ${DefinitionLimits.maxChildDepth} levels, and recursion`, async ({
    task,
  }) => {
    const tally = new Tally(task);
    const level = (n: number) => ({
      name: `nest-${n}`,
      version: 1,
      steps: [
        n === 0
          ? { id: 'a', job: 'test.echo' }
          : { id: 'a', workflow: { name: `nest-${n - 1}`, version: 1 } },
      ],
    });
    for (let n = 0; n <= DefinitionLimits.maxChildDepth; n++) await applyDefinition(sql, level(n));
    const tooDeep = level(DefinitionLimits.maxChildDepth + 1);
    const itself = {
      name: 'nest-self',
      version: 1,
      steps: [{ id: 'a', workflow: { name: 'nest-self' } }],
    };
    const loop = { ...level(0), version: 2, steps: [{ id: 'a', workflow: { name: 'nest-1' } }] };
    for (const [definition, expected] of [
      [tooDeep, `deeper than ${DefinitionLimits.maxChildDepth} levels`],
      [itself, 'cannot start itself'],
      [loop, 'starts itself'],
    ] as const) {
      tally.sent();
      const refusal = await save(JSON.stringify(definition));
      if (refusal.status >= 500) tally.crashed();
      expect(refusal).toMatchObject({ status: 400, code: 'invalid_definition' });
      expect(refusal.text).toContain(expected);
    }
    expect(await saved()).not.toContain('nest-self');
    expect(await saved()).not.toContain(tooDeep.name);
    const versions = await sql`select version from workflow_definitions where name = 'nest-0'`;
    expect(versions).toEqual([{ version: 1 }]);
    expect(tally.crashes).toBe(0);
    await sql`delete from workflow_definitions where name like 'nest-%'`;
  });

  it('still saves a sound definition afterwards', async ({ task }) => {
    new Tally(task);
    const definition = await applyDefinition(sql, {
      name: 'sound',
      version: 1,
      steps: [{ id: 'a', job: 'test.echo', params: { x: '{{ input.x }}' } }],
    });
    expect(definition.name).toBe('sound');
    expect(await saved()).toEqual(['sound']);
  });
});
