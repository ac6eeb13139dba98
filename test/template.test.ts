import { describe, expect, it } from 'vitest';
import {
  render,
  TemplateError,
  templateExpressions,
  unwrapExpression,
  type TemplateScope,
} from '../workflows/template.ts';

const scope: TemplateScope = {
  input: { text: 'hi there', n: 3, list: ['a', 'b'] },
  steps: { stats: { output: { words: 2, nested: { ok: true } }, status: 'succeeded' } },
};

function failure(action: () => unknown): TemplateError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return error as TemplateError;
  }
  throw new Error('expected a TemplateError');
}

describe('templates', () => {
  it('replaces a whole-string reference by the value itself, of any type', () => {
    expect(render('{{ input.n }}', scope)).toBe(3);
    expect(render('{{steps.stats.output.nested}}', scope)).toEqual({ ok: true });
    expect(render('{{ input.list[1] }}', scope)).toBe('b');
  });

  it('interpolates references inside longer strings as text', () => {
    expect(render('words: {{ steps.stats.output.words }} of "{{ input.text }}"', scope)).toBe(
      'words: 2 of "hi there"',
    );
    expect(render('{{ steps.stats.output.nested }}!', scope)).toBe('{"ok":true}!');
    expect(render(' {{ input.n }}', scope)).toBe(' 3');
    expect(render('{{ null }}-{{ input.list }}', scope)).toBe('null-["a","b"]');
  });

  it('renders nested objects and arrays and leaves other values alone', () => {
    expect(render({ a: ['{{ input.n }}', 1, null, false] }, scope)).toEqual({
      a: [3, 1, null, false],
    });
    expect(render('no templates here', scope)).toBe('no templates here');
  });

  it('names the reference that does not resolve', () => {
    expect(() => render('{{ steps.missing.output }}', scope)).toThrow(TemplateError);
    expect(() => render('{{ input.text.length }}', scope)).toThrow(
      /"input.text.length" does not resolve/,
    );
    const error = failure(() => render({ deep: ['x {{ input.nope }}'] }, scope));
    expect(error.reference).toBe('input.nope');
    expect(error.code).toBe('unresolved');
    expect(error.message).toBe(
      '{{ input.nope }}: "input.nope" does not resolve: input has no key "nope"',
    );
  });

  it('evaluates expressions, not just references', () => {
    expect(render('{{ input.n * 2 + 1 }}', scope)).toBe(7);
    expect(render("{{ steps.stats.status == 'succeeded' }}", scope)).toBe(true);
    expect(render("{{ join(input.list, '/') }}: {{ len(input.text) }}", scope)).toBe('a/b: 8');
    expect(render('{{ default(steps.later.output, "none") }}', scope)).toBe('none');
    expect(render('{{ result.x }}', { ...scope, result: { x: [1] } })).toEqual([1]);
  });

  it('finds the closing braces outside string literals', () => {
    expect(render('{{ "}}" }}', scope)).toBe('}}');
    expect(render("a{{ join(input.list, '}}') }}b", scope)).toBe('aa}}bb');
  });

  it('reports bad templates as TemplateErrors with a code', () => {
    const syntax = failure(() => render('{{ input.n + }}', scope));
    expect(syntax.code).toBe('syntax');
    expect(syntax.message).toBe('{{ input.n + }}: unexpected end of expression at position 9');
    expect(() => render('x {{ input.n', scope)).toThrow('"{{" at position 2 has no closing "}}"');
    expect(() => render('{{ 1 < "a" }}', scope)).toThrow(/compares two numbers/);
  });
});

describe('templateExpressions', () => {
  it('lists every expression in every string, in order', () => {
    expect(
      templateExpressions({
        a: '{{ input.x }}',
        b: ['text {{ steps.a.output }} and {{len(item)}}', 3, null],
        c: { d: 'plain' },
      }),
    ).toEqual(['input.x', 'steps.a.output', 'len(item)']);
    expect(templateExpressions(5)).toEqual([]);
    expect(() => templateExpressions(['{{ open'])).toThrow(TemplateError);
  });
});

describe('unwrapExpression', () => {
  it('takes a bare expression or one whole template', () => {
    expect(unwrapExpression('input.n > 1')).toBe('input.n > 1');
    expect(unwrapExpression('{{ input.n > 1 }}')).toBe('input.n > 1');
    expect(unwrapExpression(' {{ input.list }} ')).toBe('input.list');
    expect(unwrapExpression('{{ a }} + {{ b }}')).toBe('{{ a }} + {{ b }}');
    expect(unwrapExpression('{{ open')).toBe('{{ open');
  });
});
