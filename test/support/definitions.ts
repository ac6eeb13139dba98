import type { Sql } from 'postgres';
import { applyDefinition, applyJobType } from '../../api/definitions.ts';
import type { JobTypeRow } from '../../db/job-types.ts';
import type { Definition } from '../../workflows/definition.ts';

/** Test job types the definitions below use; the test handlers serve them. */
export const testJobTypes: JobTypeRow[] = [
  { name: 'test.echo', description: 'returns its params', timeouts: {} },
  {
    name: 'test.track',
    description: 'counts concurrent calls per group, returns params.n',
    timeouts: {},
    paramsSchema: {
      type: 'object',
      required: ['group'],
      properties: { group: { type: 'string' }, n: { type: 'integer' }, ms: { type: 'integer' } },
      additionalProperties: false,
    },
  },
  { name: 'test.flaky', description: 'fails its first call per params.key', timeouts: {} },
  { name: 'test.sleep', description: 'sleeps params.ms with progress', timeouts: {} },
  { name: 'test.program', description: 'a program with two children that waits', timeouts: {} },
  { name: 'test.burn', description: 'a program that keeps a CPU busy params.ms', timeouts: {} },
  { name: 'test.chatty', description: 'a program that writes lines over time', timeouts: {} },
];
export const testJobTypeNames = testJobTypes.map((jobType) => jobType.name);

export const doubleDefinition: Definition = {
  name: 'double',
  version: 1,
  steps: [{ id: 'twice', job: 'test.echo', params: { y: '{{ input.x * 2 }}' } }],
  output: '{{ steps.twice.output.y }}',
};

/**
 * Every kind of step at once: a 3-level DAG, a fan-out of 50 at concurrency 5
 * (items tracked under `input.group`), a false condition, a timer, an
 * approval (signal `approve`), an approval that times out, a child workflow.
 * Output: `{ child: 100, approvedBy, timedOut: true, never: 'skipped' }`.
 */
export const tourDefinition: Definition = {
  name: 'tour',
  version: 1,
  steps: [
    { id: 'list', job: 'test.echo', params: { items: '{{ range(50) }}' } },
    {
      id: 'fan',
      after: ['list'],
      forEach: 'steps.list.output.items',
      concurrency: 5,
      job: 'test.track',
      params: { group: '{{ input.group }}', n: '{{ item }}', ms: 150 },
      output: '{{ len(result) }}',
    },
    { id: 'nap', after: ['list'], sleep: { durationMs: 300 } },
    { id: 'never', after: ['list'], when: "input.mode == 'never'", job: 'test.echo', params: {} },
    { id: 'approve', after: ['list'], wait: { signal: 'approve', timeoutMs: 60_000 } },
    {
      id: 'nobody',
      after: ['list'],
      wait: { signal: 'never-comes', timeoutMs: 500, onTimeout: 'continue' },
    },
    {
      id: 'child',
      after: ['fan', 'nap'],
      workflow: { name: 'double', version: 1, input: { x: '{{ steps.fan.output }}' } },
    },
    {
      id: 'final',
      after: ['child', 'approve', 'nobody', 'never'],
      job: 'test.echo',
      params: {
        child: '{{ steps.child.output }}',
        approvedBy: '{{ steps.approve.output.by }}',
        timedOut: '{{ steps.nobody.output.timedOut }}',
        never: '{{ steps.never.status }}',
      },
    },
  ],
  output: '{{ steps.final.output }}',
};

/** A step that fails once (per `input.key`) and pauses for an operator. */
export const carefulDefinition: Definition = {
  name: 'careful',
  version: 1,
  steps: [
    { id: 'flaky', job: 'test.flaky', params: { key: '{{ input.key }}' }, onFailure: 'pause' },
    {
      id: 'after',
      after: ['flaky'],
      job: 'test.echo',
      params: { got: '{{ steps.flaky.output }}' },
    },
  ],
  output: '{{ steps.after.output.got }}',
};

/** Four steps in a row, each adding one: `{ last: start + 3, first: start }`. */
export const chainDefinition: Definition = {
  name: 'chain',
  version: 1,
  steps: [
    { id: 'a', job: 'test.echo', params: { v: '{{ input.start }}' } },
    { id: 'b', after: ['a'], job: 'test.echo', params: { v: '{{ steps.a.output.v + 1 }}' } },
    { id: 'c', after: ['b'], job: 'test.echo', params: { v: '{{ steps.b.output.v + 1 }}' } },
    { id: 'd', after: ['c'], job: 'test.echo', params: { v: '{{ steps.c.output.v + 1 }}' } },
  ],
  output: { last: '{{ steps.d.output.v }}', first: '{{ steps.a.output.v }}' },
};

/** One program job that runs until it is cancelled; its processes' pids go to `input.pids`. */
export const stoppableDefinition: Definition = {
  name: 'stoppable',
  version: 1,
  steps: [{ id: 'run', job: 'test.program', params: { pids: '{{ input.pids }}' } }],
};

/** One program job that keeps a CPU busy for `input.ms`. */
export const burnDefinition: Definition = {
  name: 'burn',
  version: 1,
  steps: [{ id: 'burn', job: 'test.burn', params: { ms: '{{ input.ms }}' } }],
  output: '{{ steps.burn.output }}',
};

/** A job whose params break its job type's schema when `input.n` is not an integer. */
export const strictDefinition: Definition = {
  name: 'strict',
  version: 1,
  steps: [
    { id: 'track', job: 'test.track', params: { group: '{{ input.group }}', n: '{{ input.n }}' } },
  ],
};

/** A program that writes `input.lines` lines over time, then `input.filler` bytes: its job log. */
export const chattyDefinition: Definition = {
  name: 'chatty',
  version: 1,
  steps: [
    {
      id: 'talk',
      job: 'test.chatty',
      params: {
        lines: '{{ input.lines }}',
        everyMs: '{{ input.everyMs }}',
        filler: '{{ input.filler }}',
      },
      // Progress (and with it the log's end) every 500 ms.
      timeouts: { progressMs: 2_000 },
    },
  ],
  output: '{{ steps.talk.output }}',
};

export const allTestDefinitions = [
  doubleDefinition,
  tourDefinition,
  carefulDefinition,
  chainDefinition,
  stoppableDefinition,
  strictDefinition,
  burnDefinition,
  chattyDefinition,
];

/** Saves the test job types and definitions, validated as an admin's would be. */
export async function seedTestSite(sql: Sql): Promise<void> {
  for (const jobType of testJobTypes) await applyJobType(sql, jobType);
  for (const definition of allTestDefinitions) await applyDefinition(sql, definition);
}

/** Declares the test job type `name` on a manager's database. @throws when there is none. */
export async function applyTestJobType(sql: Sql, name: string): Promise<void> {
  const jobType = testJobTypes.find((candidate) => candidate.name === name);
  if (!jobType) throw new Error(`no test job type ${name}`);
  await applyJobType(sql, jobType);
}

/**
 * Declares `test.sleep` and `nap`, a run of one `test.sleep` job of
 * `input.ms` whose output is the job's; `progressMs` sets the step's
 * progress timeout.
 */
export async function applyNap(sql: Sql, progressMs?: number): Promise<void> {
  await applyTestJobType(sql, 'test.sleep');
  await applyDefinition(sql, {
    name: 'nap',
    version: 1,
    steps: [
      {
        id: 'nap',
        job: 'test.sleep',
        params: { ms: '{{ input.ms }}' },
        ...(progressMs !== undefined && { timeouts: { progressMs } }),
      },
    ],
    output: '{{ steps.nap.output }}',
  });
}
