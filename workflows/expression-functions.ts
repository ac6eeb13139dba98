import type { Json, JsonObject } from '../common/json.ts';
import { DefinitionLimits } from './definition.ts';
import { ExpressionError, type FunctionName } from './expression-parser.ts';

// The values side of the expression language: truthiness, equality, and the
// built-in functions. Pure, like everything the workflow sandbox runs.

/** JS-like truthiness: `null`, `false`, `0` and `""` are false; everything else (also `[]`, `{}`) is true. */
export function isTruthy(value: Json): boolean {
  return !(value === null || value === false || value === 0 || value === '');
}

/** Structural equality of JSON values; object key order does not matter. */
export function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i] as Json));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key] as Json, b[key] as Json));
}

/** A value as text, as templates interpolate it: strings as they are, anything else as JSON. */
export function asText(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A JSON object (not a list, not null). */
export function isObject(value: Json): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** How a value is named in error messages: `a string`, `a list`, `null`. */
export function kindOf(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** A type error at `pos` in the expression. */
export function typeError(message: string, pos: number): ExpressionError {
  return new ExpressionError('type', `${message} at position ${pos}`, pos);
}

function text(value: Json, fn: string, pos: number): string {
  if (typeof value !== 'string')
    throw typeError(`${fn}() needs a string, got ${kindOf(value)}`, pos);
  return value;
}

/**
 * The functions an expression may call, except `default`, which the
 * evaluator handles itself (it must see unresolved references).
 */
export const builtins: Record<
  Exclude<FunctionName, 'default'>,
  (args: Json[], pos: number) => Json
> = {
  len([value = null], pos) {
    // Code points, not UTF-16 units, so "é" and "😀" each count one.
    if (typeof value === 'string') return [...value].length;
    if (Array.isArray(value)) return value.length;
    if (isObject(value)) return Object.keys(value).length;
    throw typeError(`len() needs a string, list or object, got ${kindOf(value)}`, pos);
  },
  keys([value = null], pos) {
    if (!isObject(value)) throw typeError(`keys() needs an object, got ${kindOf(value)}`, pos);
    // Sorted: key order is not kept everywhere a value travels (jsonb reorders it).
    return Object.keys(value).sort();
  },
  contains([container = null, item = null], pos) {
    if (Array.isArray(container)) return container.some((candidate) => deepEqual(candidate, item));
    if (typeof container === 'string' && typeof item === 'string') return container.includes(item);
    throw typeError(
      `contains() needs a list, or a string and a string; got ${kindOf(container)} and ${kindOf(item)}`,
      pos,
    );
  },
  lower: ([value = null], pos) => text(value, 'lower', pos).toLowerCase(),
  upper: ([value = null], pos) => text(value, 'upper', pos).toUpperCase(),
  join([list = null, separator = null], pos) {
    if (!Array.isArray(list)) throw typeError(`join() needs a list, got ${kindOf(list)}`, pos);
    return list.map(asText).join(text(separator, 'join', pos));
  },
  split([value = null, separator = null], pos) {
    const whole = text(value, 'split', pos);
    const by = text(separator, 'split', pos);
    return by === '' ? [...whole] : whole.split(by);
  },
  range([count = null], pos) {
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0)
      throw typeError(`range() needs a whole number >= 0, got ${JSON.stringify(count)}`, pos);
    if (count > DefinitionLimits.maxFanOutItems) {
      throw new ExpressionError(
        'limit',
        `range(${count}) is longer than the limit of ${DefinitionLimits.maxFanOutItems} at position ${pos}`,
        pos,
      );
    }
    return Array.from({ length: count }, (_, i) => i);
  },
  not_null: ([value = null]) => value !== null,
};
