import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { definitionJsonSchema } from '../common/definition-schema.ts';
import { DefinitionTextError, parseDefinitionText } from '../common/definition-text.ts';
import { validateDefinition, type ValidationContext } from '../common/definition-validate.ts';
import type { Definition, Step } from '../workflows/definition.ts';
import { allTestDefinitions, testJobTypeNames } from './support/definitions.ts';

const example = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(`../examples/${file}`, import.meta.url), 'utf8'));

function context(children: Definition[] = []): ValidationContext {
  return {
    jobTypes: new Set(['text.stats', 'text.sha256', ...testJobTypeNames]),
    childDefinition: (name, version) =>
      children
        .filter((d) => d.name === name && (version === undefined || d.version === version))
        .sort((a, b) => b.version - a.version)[0],
  };
}

const def = (steps: Step[], extra: Partial<Definition> = {}): Definition => ({
  name: 'subject',
  version: 1,
  steps,
  ...extra,
});

const echo = (
  id: string,
  more: Partial<Step> & { params?: Record<string, string> } = {},
): Step => ({
  id,
  job: 'test.echo',
  ...more,
});

/** The errors of an invalid definition (fails the test when it is valid). */
function errors(raw: unknown, ctx = context()) {
  const result = validateDefinition(raw, ctx);
  if (result.ok) throw new Error('expected the definition to be invalid');
  return result.errors;
}

describe('valid definitions', () => {
  it('accepts the examples and the test definitions', () => {
    for (const file of ['example.workflow.json', 'review.workflow.json']) {
      const result = validateDefinition(example(file), context());
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
    for (const definition of allTestDefinitions) {
      const result = validateDefinition(definition, context(allTestDefinitions));
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
  });

  it('returns the definition typed', () => {
    const raw = def([echo('a')]);
    expect(validateDefinition(raw, context())).toEqual({ ok: true, definition: raw });
  });

  it('accepts references to transitive ancestors, item/index in fan-out bodies, result in output', () => {
    const result = validateDefinition(
      def(
        [
          echo('a'),
          echo('b', { after: ['a'] }),
          {
            id: 'c',
            after: ['b'],
            when: '{{ steps.a.status == "succeeded" }}',
            forEach: 'steps.a.output.items',
            concurrency: 100,
            job: 'test.echo',
            params: { v: '{{ item }}-{{ index }}', a: '{{ steps.a.output }}', i: '{{ input.x }}' },
            output: '{{ len(result) + len(steps.b.output) }}',
          },
        ],
        { output: { all: '{{ steps }}', c: '{{ steps.c.output }}' } },
      ),
      context(),
    );
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });
});

describe('structure', () => {
  it('reports schema problems at their exact paths', () => {
    expect(errors({ name: 'Bad Name', version: 0, steps: [echo('a')], colour: 'red' })).toEqual([
      { path: 'name', message: expect.stringMatching(/lowercase letters/) },
      { path: 'version', message: expect.stringMatching(/>0/) },
      { path: 'colour', message: 'unknown field "colour"' },
    ]);
    expect(errors({ version: 1, steps: [] })).toEqual([
      { path: 'name', message: 'required (string)' },
      { path: 'steps', message: 'a definition needs at least one step' },
    ]);
  });

  it('needs exactly one kind per step and checks the kind it has', () => {
    expect(
      errors({
        name: 'x',
        version: 1,
        steps: [
          { id: 'a', job: 'test.echo', sleep: { durationMs: 5 } },
          { id: 'b' },
          { id: 'c', wait: { signal: 'go' } },
          { id: 'd', job: 'test.echo', params: { p: 1 }, colour: 1 },
          'e',
        ],
      }),
    ).toEqual([
      {
        path: 'steps[0]',
        message:
          'a step needs exactly one of job, wait, sleep, workflow; this one has job and sleep',
      },
      {
        path: 'steps[1]',
        message: 'a step needs exactly one of job, wait, sleep, workflow; this one has none',
      },
      { path: 'steps[2].wait.timeoutMs', message: 'required (number)' },
      { path: 'steps[3].colour', message: 'unknown field "colour"' },
      { path: 'steps[4]', message: 'a step is an object' },
    ]);
  });

  it('checks the concurrency range and that it goes with forEach', () => {
    const fan = (concurrency: number): Step => ({ ...echo('a'), forEach: 'range(3)', concurrency });
    expect(errors(def([fan(0)]))[0]?.path).toBe('steps[0].concurrency');
    expect(errors(def([fan(101)]))[0]?.message).toMatch(/<=100/);
    expect(errors(def([echo('a', { concurrency: 2 })]))).toEqual([
      {
        path: 'steps[0].concurrency',
        message: 'concurrency applies only to a step with forEach; remove it or add forEach',
      },
    ]);
  });

  it('refuses duplicate ids and unknown after entries', () => {
    expect(
      errors(def([echo('a'), echo('b'), echo('a'), echo('c', { after: ['b', 'zz'] })])),
    ).toEqual([
      {
        path: 'steps[2].id',
        message: 'duplicate step id "a" (also steps[0]); step ids must be unique',
      },
      {
        path: 'steps[3].after[1]',
        message: 'no step "zz" in this definition (steps: a, b, c)',
      },
    ]);
  });

  it('reports dependency cycles with the steps in them', () => {
    expect(
      errors(
        def([
          echo('a', { after: ['c'] }),
          echo('b', { after: ['a'] }),
          echo('c', { after: ['b'] }),
        ]),
      ),
    ).toEqual([
      {
        path: 'steps[1].after[0]',
        message:
          'dependency cycle a → c → b → a: each step runs after the next, so none can start; remove one of these after entries',
      },
    ]);
    expect(errors(def([echo('a', { after: ['a'] })]))[0]).toMatchObject({
      path: 'steps[0].after[0]',
      message: expect.stringMatching(/^dependency cycle a → a:/),
    });
  });

  it('refuses unknown job types', () => {
    expect(errors(def([{ id: 'a', job: 'text.stat' }]))).toEqual([
      {
        path: 'steps[0].job',
        message: `unknown job type "text.stat" (known: ${['text.sha256', 'text.stats', ...testJobTypeNames].sort().join(', ')}); register it or fix the name`,
      },
    ]);
  });
});

describe('limits', () => {
  it('refuses more than maxSteps steps', () => {
    const steps = Array.from({ length: 201 }, (_, i) => echo(`s${i}`));
    expect(errors(def(steps))).toEqual([{ path: 'steps', message: 'at most 200 steps' }]);
  });

  it('refuses a definition bigger than maxBytes', () => {
    const big = def([echo('a', { params: { blob: 'x'.repeat(256 * 1024) } })]);
    expect(errors(big)).toEqual([
      {
        path: '',
        message: expect.stringMatching(
          /^the definition is \d+ bytes of JSON; the limit is 262144: split it/,
        ),
      },
    ]);
  });
});

describe('expressions', () => {
  it('reports expressions that do not parse, at the string that holds them', () => {
    expect(
      errors(
        def([
          echo('a', { when: 'input.x >', params: { text: 'n = {{ input.n + }}', ok: '{{ 1 }}' } }),
          { ...echo('b'), forEach: '{{ range( }}' },
          echo('c', { params: { text: 'oops {{ input.n' } }),
          echo('d', { params: { text: '{{ now() }}' } }),
        ]),
      ),
    ).toEqual([
      {
        path: 'steps[0].when',
        message:
          'expression "input.x >" does not parse: unexpected end of expression at position 9',
      },
      {
        path: 'steps[0].params.text',
        message:
          'expression "input.n +" does not parse: unexpected end of expression at position 9',
      },
      {
        path: 'steps[1].forEach',
        message: 'expression "range(" does not parse: unexpected end of expression at position 6',
      },
      { path: 'steps[2].params.text', message: '"{{" at position 5 has no closing "}}"' },
      {
        path: 'steps[3].params.text',
        message: expect.stringMatching(
          /^expression "now\(\)" does not parse: unknown function "now"/,
        ),
      },
    ]);
  });

  it('refuses references to unknown names and steps', () => {
    expect(
      errors(
        def([
          echo('make-thumbs'),
          echo('b', {
            after: ['make-thumbs'],
            params: { x: '{{ input.a + inptu.b }}', y: '{{ steps.make-thumbs.output }}' },
          }),
          echo('c', {
            after: ['b'],
            params: { z: '{{ steps.b.outputs }}', w: '{{ steps.nope.output }}' },
          }),
        ]),
      ),
    ).toEqual([
      {
        path: 'steps[1].params.x',
        message:
          '"inptu.b" in "input.a + inptu.b": unknown name "inptu"; in scope here: input, steps',
      },
      {
        path: 'steps[1].params.y',
        message:
          '"steps.make" in "steps.make-thumbs.output": there is no step "make"; for an id with "-" write steps["make-thumbs"]',
      },
      {
        path: 'steps[1].params.y',
        message: expect.stringMatching(/^"thumbs.output" in .*unknown name "thumbs"/),
      },
      {
        path: 'steps[2].params.z',
        message:
          '"steps.b.outputs" in "steps.b.outputs": a step has only "output" and "status", not "outputs"',
      },
      {
        path: 'steps[2].params.w',
        message: '"steps.nope.output" in "steps.nope.output": there is no step "nope"',
      },
    ]);
  });

  it('refuses references to steps that are not ancestors', () => {
    expect(
      errors(
        def([
          echo('a'),
          echo('b', { params: { v: '{{ steps.a.output }}' } }),
          echo('c', {
            after: ['b'],
            when: 'steps.a.status == "succeeded"',
            params: { s: '{{ steps }}' },
          }),
          echo('d', { output: '{{ steps.d.output }}' }),
          echo('e', { params: { self: '{{ steps.e.status }}' } }),
        ]),
      ),
    ).toEqual([
      {
        path: 'steps[1].params.v',
        message:
          '"steps.a.output" in "steps.a.output": step "b" does not run after "a", so it may not have finished: add "a" to after (directly or through another step)',
      },
      {
        path: 'steps[2].when',
        message: expect.stringMatching(/^"steps.a.status" in .*step "c" does not run after "a"/),
      },
      {
        path: 'steps[2].params.s',
        message:
          '"steps" in "steps": name one step, as in steps.<id>.output: "steps" as a whole is only in scope in the definition output',
      },
      {
        path: 'steps[3].output',
        message:
          '"steps.d.output" in "steps.d.output": a step reads its own output as "result" in its output mapping',
      },
      {
        path: 'steps[4].params.self',
        message:
          '"steps.e.status" in "steps.e.status": a step cannot read its own output or status',
      },
    ]);
  });

  it('allows item and index only per item of a forEach step, and result only in output', () => {
    expect(
      errors(
        def(
          [
            echo('plain', { params: { v: '{{ item }}' }, output: '{{ index }}' }),
            {
              ...echo('fan', { params: { ok: '{{ item.x }} {{ index }}' } }),
              forEach: 'range(item)',
              when: 'index > 0',
              output: '{{ item }}',
            },
            echo('r', { params: { v: '{{ result }}' } }),
            {
              id: 'w',
              forEach: '[1]',
              wait: { signal: 'ok-{{ item }}-{{ result }}', timeoutMs: 5 },
            },
          ],
          { output: '{{ item }}' },
        ),
      ),
    ).toEqual([
      {
        path: 'steps[0].params.v',
        message: '"item" in "item": "item" is only in scope in a step with forEach',
      },
      {
        path: 'steps[0].output',
        message: '"index" in "index": "index" is only in scope in a step with forEach',
      },
      {
        path: 'steps[1].when',
        message:
          '"index" in "index > 0": "index" is in scope only in params, wait and workflow input of a forEach step, not in its when',
      },
      {
        path: 'steps[1].forEach',
        message:
          '"item" in "range(item)": "item" is what forEach produces; it is not in scope in forEach itself',
      },
      {
        path: 'steps[1].output',
        message:
          '"item" in "item": "item" is in scope only in params, wait and workflow input of a forEach step, not in its output',
      },
      {
        path: 'steps[2].params.v',
        message:
          '"result" in "result": "result" (a step\'s own raw output) is only in scope in that step\'s output mapping',
      },
      {
        path: 'steps[3].wait.signal',
        message: expect.stringMatching(/^"result" in "result":/),
      },
      {
        path: 'output',
        message: '"item" in "item": "item" is only in scope in a step with forEach',
      },
    ]);
  });

  it('checks templates in child workflow input and nested values at exact paths', () => {
    const child = def([echo('only')], { name: 'child' });
    expect(
      errors(
        def([
          echo('a'),
          {
            id: 'run',
            workflow: {
              name: 'child',
              input: { list: [1, { deep: '{{ steps.a.output }}' }], 'odd key': '{{ x }}' },
            },
          },
        ]),
        context([child]),
      ).map((issue) => issue.path),
    ).toEqual(['steps[1].workflow.input.list[1].deep', 'steps[1].workflow.input["odd key"]']);
  });
});

describe('child workflows', () => {
  const chain = (names: string[]): Definition[] =>
    names.map((name, i) => {
      const next = names[i + 1];
      return def(next ? [{ id: 'child', workflow: { name: next } }] : [echo('leaf')], { name });
    });

  it('refuses children that do not exist', () => {
    expect(
      errors(
        def([
          { id: 'a', workflow: { name: 'ghost' } },
          { id: 'b', workflow: { name: 'real', version: 2 } },
        ]),
        context(chain(['real'])),
      ),
    ).toEqual([
      {
        path: 'steps[0].workflow.name',
        message: 'no workflow "ghost"; save it first or fix the name',
      },
      {
        path: 'steps[1].workflow.name',
        message: 'no workflow "real" version 2; save it first or fix the name',
      },
    ]);
  });

  it('refuses a workflow that starts itself, directly or through others', () => {
    expect(errors(def([{ id: 'me', workflow: { name: 'subject' } }]))).toEqual([
      {
        path: 'steps[0].workflow.name',
        message: 'workflow "subject" cannot start itself as a child (no recursion, in any version)',
      },
    ]);
    const others = chain(['b', 'c', 'subject']);
    expect(
      errors(def([echo('x'), { id: 'go', workflow: { name: 'b' } }]), context(others)),
    ).toEqual([
      {
        path: 'steps[1].workflow',
        message: 'workflow "subject" starts itself: subject → b → c → subject',
      },
    ]);
  });

  it('allows maxChildDepth levels of children and no more', () => {
    const five = chain(['c1', 'c2', 'c3', 'c4', 'c5']);
    const ok = validateDefinition(def([{ id: 'go', workflow: { name: 'c1' } }]), context(five));
    expect(ok.ok, JSON.stringify(ok)).toBe(true);
    const six = chain(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect(errors(def([{ id: 'go', workflow: { name: 'c1' } }]), context(six))).toEqual([
      {
        path: 'steps[0].workflow',
        message:
          'child workflows nest deeper than 5 levels (subject → c1 → c2 → c3 → c4 → c5 → c6 → …)',
      },
    ]);
  });

  it('names a missing definition deeper down', () => {
    const broken = chain(['c1', 'c2']).slice(0, 1);
    expect(errors(def([{ id: 'go', workflow: { name: 'c1' } }]), context(broken))).toEqual([
      { path: 'steps[0].workflow', message: 'subject → c1 → c2: no workflow "c2"' },
    ]);
  });
});

describe('parseDefinitionText', () => {
  it('reads JSON and YAML', () => {
    const yaml =
      'name: x\nversion: 1\nsteps:\n  - id: a\n    job: test.echo\n    params: { v: "{{ input.v }}" }\n';
    const expected = {
      name: 'x',
      version: 1,
      steps: [{ id: 'a', job: 'test.echo', params: { v: '{{ input.v }}' } }],
    };
    expect(parseDefinitionText(yaml)).toEqual(expected);
    expect(parseDefinitionText(yaml, 'yaml')).toEqual(expected);
    expect(parseDefinitionText(JSON.stringify(expected))).toEqual(expected);
    expect(parseDefinitionText(`\uFEFF  ${JSON.stringify(expected)}`, 'json')).toEqual(expected);
    // Only JSON values: no YAML 1.1 dates or binaries; aliases are copied.
    expect(parseDefinitionText('d: 2024-01-01\nb: !!binary aGk=')).toEqual({
      d: '2024-01-01',
      b: 'aGk=',
    });
    expect(parseDefinitionText('a: &p { x: 1 }\nb: *p')).toEqual({ a: { x: 1 }, b: { x: 1 } });
  });

  it.each([
    [
      '{\n  "name": "x",\n  "version": }',
      'json',
      'invalid JSON at line 3, column 14: unexpected "}"',
      3,
      14,
    ],
    ['{"a": 1', undefined, 'invalid JSON at line 1, column 8: unexpected end of text', 1, 8],
    ['{"a": 1} x', undefined, 'invalid JSON at line 1, column 10: unexpected "x"', 1, 10],
    [
      'name: x\nname: y\n',
      undefined,
      'invalid YAML at line 2, column 1: Map keys must be unique',
      2,
      1,
    ],
    [
      'steps:\n  - id: a\n   job: b: c\n',
      'yaml',
      /^invalid YAML at line 3, column \d+: /,
      3,
      undefined,
    ],
    ['a: .inf', 'yaml', 'invalid YAML at line 1, column 4: .inf is not a JSON value', 1, 4],
    [
      'a: &x [*x]',
      'yaml',
      'invalid YAML at line 1, column 8: alias *x refers to a node that contains it',
      1,
      8,
    ],
    [
      '? [1]\n: 2',
      'yaml',
      'invalid YAML at line 1, column 3: a mapping key must be a plain value, not a list or mapping',
      1,
      3,
    ],
  ] as const)('%j gives a located error', (text, format, message, line, column) => {
    try {
      parseDefinitionText(text, format);
      expect.unreachable('should not parse');
    } catch (error) {
      expect(error).toBeInstanceOf(DefinitionTextError);
      const located = error as DefinitionTextError;
      expect(located.code).toBe('definition_syntax');
      expect(located.message).toMatch(message);
      expect(located.line).toBe(line);
      if (column !== undefined) expect(located.column).toBe(column);
    }
  });
});

describe('definitionJsonSchema', () => {
  it('is a JSON Schema that accepts the examples and refuses a step of two kinds', () => {
    const validate = new Ajv2020({ strict: false }).compile(definitionJsonSchema);
    expect(validate(example('review.workflow.json'))).toBe(true);
    expect(validate(def([{ ...echo('a'), sleep: { durationMs: 1 } } as Step]))).toBe(false);
  });
});
