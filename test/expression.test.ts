import { describe, expect, it } from 'vitest';
import type { Json } from '../common/json.ts';
import { DefinitionLimits } from '../workflows/definition.ts';
import {
  compile,
  evaluate,
  ExpressionError,
  isTruthy,
  parseExpression,
  references,
} from '../workflows/expression.ts';

const scope: Record<string, Json> = {
  input: { n: 3, text: 'Hello World', list: [1, 2, { a: 1 }], obj: { k: 'v', 'my-key': 7 } },
  steps: { a: { output: { n: 5, items: ['x', 'y'] }, status: 'succeeded' } },
  index: 1,
};

const run = (text: string, extra: Record<string, Json> = {}) =>
  evaluate(parseExpression(text), { ...scope, ...extra });

function failure(action: () => unknown): ExpressionError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return error as ExpressionError;
  }
  throw new Error('expected an ExpressionError');
}

describe('expression literals and paths', () => {
  it('reads literals', () => {
    expect(run('42')).toBe(42);
    expect(run('1.5e2')).toBe(150);
    expect(run(`'it\\'s'`)).toBe("it's");
    expect(run('"a\\"b\\n\\u0041"')).toBe('a"b\nA');
    expect(run('true')).toBe(true);
    expect(run('null')).toBe(null);
    expect(run('[1, "two", [3], null]')).toEqual([1, 'two', [3], null]);
    expect(run('[]')).toEqual([]);
  });

  it('follows paths with dots, indexes and quoted keys', () => {
    expect(run('input.n')).toBe(3);
    expect(run('input.list[2].a')).toBe(1);
    expect(run('input.obj["my-key"]')).toBe(7);
    expect(run("steps.a.output['items'][index]")).toBe('y');
    expect(run('steps.a.output.items[len(steps.a.output.items) - 1]')).toBe('y');
    expect(run('split(input.text, " ")[1]')).toBe('World');
  });
});

describe('operators', () => {
  it('follows precedence and associativity', () => {
    expect(run('1 + 2 * 3')).toBe(7);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('10 - 4 - 3')).toBe(3);
    expect(run('2 * 3 % 4')).toBe(2);
    expect(run('-input.n * 2')).toBe(-6);
    expect(run('!false && false')).toBe(false);
    expect(run('true || false && false')).toBe(true);
    expect(run('1 + 1 == 2 && 3 > 2')).toBe(true);
    expect(run('1 < 2 == true')).toBe(true);
    expect(run('true ? 1 : false ? 2 : 3')).toBe(1);
    expect(run('false ? 1 : false ? 2 : 3')).toBe(3);
    expect(run("input.n > 2 ? 'big' : 'small'")).toBe('big');
  });

  it('adds numbers and concatenates strings (other values as text)', () => {
    expect(run("'a' + 'b'")).toBe('ab');
    expect(run("'n=' + input.n")).toBe('n=3');
    expect(run("'x' + input.list")).toBe('x[1,2,{"a":1}]');
    expect(failure(() => run('1 + true')).message).toMatch(/"\+" needs numbers or a string/);
  });

  it('compares numbers with numbers and strings with strings only', () => {
    expect(run("'abc' < 'abd'")).toBe(true);
    expect(run('2 >= 2')).toBe(true);
    const error = failure(() => run("1 < 'a'"));
    expect(error.code).toBe('type');
    expect(error.message).toBe(
      '"<" compares two numbers or two strings, got a number and a string at position 2',
    );
  });

  it('compares JSON values deeply with == and !=', () => {
    expect(run('input.list == [1, 2, null] ')).toBe(false);
    expect(run('steps.a.output == steps.a.output')).toBe(true);
    expect(run('[1, [2, 3]] == [1, [2, 3]]')).toBe(true);
    expect(run('[1, 2] != [2, 1]')).toBe(true);
    expect(run('null == null')).toBe(true);
    expect(run("1 == '1'")).toBe(false);
    expect(evaluate(parseExpression('x == y'), { x: { a: 1, b: [2] }, y: { b: [2], a: 1 } })).toBe(
      true,
    );
    expect(evaluate(parseExpression('x == y'), { x: { a: 1 }, y: { a: 1, b: 2 } })).toBe(false);
  });

  it('short-circuits && and || and returns booleans by truthiness', () => {
    expect(run('false && input.missing')).toBe(false);
    expect(run('true || input.missing')).toBe(true);
    expect(run('input.n && input.text')).toBe(true);
    expect(run("0 || ''")).toBe(false);
    expect(run('false ? input.missing : 1')).toBe(1);
    expect(() => run('true && input.missing')).toThrow(/"input.missing" does not resolve/);
  });

  it('has JS-like truthiness', () => {
    for (const falsy of [null, false, 0, '']) expect(isTruthy(falsy)).toBe(false);
    for (const truthy of [true, 1, -1, 'x', '0', [], {}]) expect(isTruthy(truthy)).toBe(true);
    expect(run('![]')).toBe(false);
  });

  it('tests membership with in', () => {
    expect(run('2 in input.list')).toBe(true);
    expect(run('input.list[2] in input.list')).toBe(true);
    expect(run("'k' in input.obj")).toBe(true);
    expect(run("'nope' in input.obj")).toBe(false);
    expect(failure(() => run("'W' in input.text")).message).toMatch(/use contains\(\)/);
  });

  it('refuses arithmetic that leaves JSON', () => {
    expect(failure(() => run('1 / 0')).message).toBe('division by zero at position 2');
    expect(failure(() => run('input.n % 0')).code).toBe('type');
    expect(failure(() => run("-'a'")).message).toMatch(/"-" needs a number/);
  });
});

describe('functions', () => {
  it('computes each function', () => {
    expect(run('len(input.text)')).toBe(11);
    expect(run("len('😀é')")).toBe(2);
    expect(run('len(input.list)')).toBe(3);
    expect(run('len(input.obj)')).toBe(2);
    expect(run('keys(input.obj)')).toEqual(['k', 'my-key']);
    expect(run('contains(input.list, 2)')).toBe(true);
    expect(run("contains(input.text, 'World')")).toBe(true);
    expect(run('lower(input.text)')).toBe('hello world');
    expect(run('upper(input.text)')).toBe('HELLO WORLD');
    expect(run("join(steps.a.output.items, '+')")).toBe('x+y');
    expect(run("join([1, null, 'a'], ',')")).toBe('1,null,a');
    expect(run("split('a,b,,c', ',')")).toEqual(['a', 'b', '', 'c']);
    expect(run("split('abc', '')")).toEqual(['a', 'b', 'c']);
    expect(run('range(3)')).toEqual([0, 1, 2]);
    expect(run('range(0)')).toEqual([]);
    expect(run('not_null(input.n)')).toBe(true);
    expect(run('not_null(null)')).toBe(false);
  });

  it('reports wrong argument types', () => {
    expect(failure(() => run('len(1)')).message).toBe(
      'len() needs a string, list or object, got a number at position 0',
    );
    expect(failure(() => run('keys(input.list)')).message).toMatch(/keys\(\) needs an object/);
    expect(failure(() => run('range(1.5)')).message).toMatch(/whole number/);
    expect(failure(() => run("join('ab', ',')")).message).toMatch(/join\(\) needs a list/);
  });

  it('default() falls back when its value is null or unresolved, and only then', () => {
    expect(run('default(input.n, 0)')).toBe(3);
    expect(run('default(null, 0)')).toBe(0);
    expect(run('default(input.missing, "none")')).toBe('none');
    expect(run('default(steps.b.output.x, 1)')).toBe(1);
    expect(run('default(input.list[9], "past the end")')).toBe('past the end');
    expect(run('default(false, 1)')).toBe(false);
    expect(run("default(input.missing, default(input.other, 'deep'))")).toBe('deep');
    // Only the value may be unresolved; an unresolved fallback is an error.
    expect(failure(() => run('default(input.missing, input.other)')).reference).toBe('input.other');
    // A type error is a real error, not a missing value.
    expect(failure(() => run('default(1 + true, 0)')).code).toBe('type');
    // The fallback is only evaluated when needed.
    expect(run('default(1, input.missing)')).toBe(1);
  });

  it('names unknown functions and wrong argument counts when parsing', () => {
    expect(failure(() => parseExpression('now()')).message).toMatch(
      /^unknown function "now" \(functions: len, keys, .*default\) at position 0$/,
    );
    expect(failure(() => parseExpression('len(1, 2)')).message).toBe(
      'len() takes 1 argument, got 2 at position 0',
    );
  });
});

describe('unresolved references', () => {
  it('names the reference and why it does not resolve', () => {
    const missing = failure(() => run('input.nope + 1'));
    expect(missing.code).toBe('unresolved');
    expect(missing.reference).toBe('input.nope');
    expect(missing.message).toBe('"input.nope" does not resolve: input has no key "nope"');
    expect(failure(() => run('input.text.length')).message).toBe(
      '"input.text.length" does not resolve: input.text is a string',
    );
    expect(failure(() => run('input.list[7]')).message).toBe(
      '"input.list[7]" does not resolve: input.list has 3 items, no item 7',
    );
    expect(failure(() => run('item')).message).toBe(
      '"item" does not resolve: nothing named "item" here (in scope: input, steps, index)',
    );
    expect(failure(() => run('input.obj.toString')).reference).toBe('input.obj.toString');
  });
});

describe('syntax errors', () => {
  it.each([
    ['1 +', 'unexpected end of expression at position 3'],
    ['(1', 'expected ")" but found end of expression at position 2'],
    ['a = 1', 'unexpected character "=" (compare with "==") at position 2'],
    ["'open", 'unterminated string at position 0'],
    ['"\\q"', 'unknown escape "\\q" in string at position 1'],
    ['1 2', 'unexpected 2 at position 2'],
    ['input.', 'expected a name after "." at position 6'],
    ['{"a": 1}', 'unexpected character "{" at position 0'],
    ['  ', 'empty expression at position 0'],
    ['[1, 2', 'expected "," but found end of expression at position 5'],
  ])('%s', (text, message) => {
    const error = failure(() => parseExpression(text));
    expect(error.code).toBe('syntax');
    expect(error.message).toBe(message);
  });
});

describe('limits', () => {
  it('refuses expressions longer than maxExpressionLength', () => {
    const text = `${'1 + '.repeat(DefinitionLimits.maxExpressionLength / 4)}1`;
    const error = failure(() => parseExpression(text));
    expect(error.code).toBe('limit');
    expect(error.message).toMatch(/the limit is 1000/);
  });

  it('refuses nesting deeper than 64', () => {
    expect(run(`${'('.repeat(60)}1${')'.repeat(60)}`)).toBe(1);
    expect(failure(() => parseExpression(`${'('.repeat(70)}1${')'.repeat(70)}`)).code).toBe(
      'limit',
    );
    expect(failure(() => parseExpression(`${'!'.repeat(70)}1`)).message).toMatch(
      /nests deeper than 64 levels/,
    );
  });

  it('refuses range() beyond maxFanOutItems', () => {
    expect(run(`len(range(${DefinitionLimits.maxFanOutItems}))`)).toBe(10_000);
    const error = failure(() => run(`range(${DefinitionLimits.maxFanOutItems + 1})`));
    expect(error.code).toBe('limit');
  });
});

describe('references and compile', () => {
  it('lists every path used, once, with computed indexes split off', () => {
    const expr = parseExpression(
      "steps.a.output[index].n + input.x > 0 && default(steps.b.status, '') == input.x && len(split(input.s, ' ')[0])",
    );
    expect(references(expr)).toEqual([
      ['steps', 'a', 'output'],
      ['index'],
      ['input', 'x'],
      ['steps', 'b', 'status'],
      ['input', 's'],
    ]);
    expect(references(parseExpression('input.list[0]["a b"]'))).toEqual([
      ['input', 'list', '0', 'a b'],
    ]);
    expect(references(parseExpression('1 + 2'))).toEqual([]);
  });

  it('caches parsed expressions and does not cache failures', () => {
    expect(compile('input.n + 1')).toBe(compile('input.n + 1'));
    expect(() => compile('1 +')).toThrow(ExpressionError);
    expect(() => compile('1 +')).toThrow(ExpressionError);
    expect(evaluate(compile('input.n + 1'), scope)).toBe(4);
  });

  it('does not reach prototype properties', () => {
    expect(failure(() => run('input.constructor')).code).toBe('unresolved');
    expect(failure(() => run('__proto__')).code).toBe('unresolved');
  });
});
