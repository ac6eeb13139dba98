import type { Json } from '../common/json.ts';
import {
  asText,
  builtins,
  deepEqual,
  isObject,
  isTruthy,
  kindOf,
  typeError,
} from './expression-functions.ts';
import { ExpressionError, parseExpression, type Expr } from './expression-parser.ts';

export { asText, deepEqual, isTruthy } from './expression-functions.ts';

export {
  ExpressionError,
  functionArity,
  maxExpressionDepth,
  parseExpression,
  type Expr,
  type ExpressionErrorCode,
  type FunctionName,
} from './expression-parser.ts';

// Pure and deterministic: this runs inside Temporal's workflow sandbox (no
// dates, no randomness, no eval), and the same text gives the same value on
// every replay.

function unresolved(reference: string, why: string, pos: number): ExpressionError {
  return new ExpressionError(
    'unresolved',
    `"${reference}" does not resolve: ${why}`,
    pos,
    reference,
  );
}

function number(value: number, what: string, pos: number): number {
  // JSON has no Infinity or NaN, so such a result could not be passed on.
  if (!Number.isFinite(value)) throw typeError(`${what} does not give a finite number`, pos);
  return value;
}

type Member = Extract<Expr, { type: 'member' }>;

function member(expr: Member, scope: Record<string, Json>): Json {
  const object = evaluate(expr.object, scope);
  const key = evaluate(expr.key, scope);
  const where =
    expr.object.type === 'name' || expr.object.type === 'member' ? expr.object.text : 'the value';
  if (Array.isArray(object)) {
    if (typeof key !== 'number')
      throw unresolved(expr.text, `${where} is a list; index it with a number`, expr.pos);
    if (Number.isInteger(key) && key >= 0 && key < object.length) return object[key] as Json;
    throw unresolved(expr.text, `${where} has ${object.length} items, no item ${key}`, expr.pos);
  }
  if (isObject(object)) {
    if (typeof key !== 'string' && typeof key !== 'number')
      throw unresolved(expr.text, `${where} is an object; index it with a string`, expr.pos);
    if (Object.hasOwn(object, key)) return object[key] as Json;
    throw unresolved(expr.text, `${where} has no key ${JSON.stringify(String(key))}`, expr.pos);
  }
  throw unresolved(expr.text, `${where} is ${kindOf(object)}`, expr.pos);
}

type Binary = Extract<Expr, { type: 'binary' }>;

function binary(expr: Binary, scope: Record<string, Json>): Json {
  const { op, pos } = expr;
  const left = evaluate(expr.left, scope);
  // Short-circuit: the right side is not evaluated (so it may not even resolve).
  if (op === '&&') return isTruthy(left) && isTruthy(evaluate(expr.right, scope));
  if (op === '||') return isTruthy(left) || isTruthy(evaluate(expr.right, scope));
  const right = evaluate(expr.right, scope);
  switch (op) {
    case '==':
      return deepEqual(left, right);
    case '!=':
      return !deepEqual(left, right);
    case 'in':
      if (isObject(right)) {
        if (typeof left !== 'string')
          throw typeError(`"in" an object needs a string key, got ${kindOf(left)}`, pos);
        return Object.hasOwn(right, left);
      }
      if (Array.isArray(right)) return right.some((candidate) => deepEqual(candidate, left));
      throw typeError(
        `"in" needs a list or an object on its right, got ${kindOf(right)} (for text use contains())`,
        pos,
      );
    case '+':
      if (typeof left === 'number' && typeof right === 'number')
        return number(left + right, '"+"', pos);
      if (typeof left === 'string' || typeof right === 'string')
        return asText(left) + asText(right);
      throw typeError(
        `"+" needs numbers or a string, got ${kindOf(left)} and ${kindOf(right)}`,
        pos,
      );
    case '<':
    case '<=':
    case '>':
    case '>=':
      if (
        (typeof left === 'number' && typeof right === 'number') ||
        (typeof left === 'string' && typeof right === 'string')
      ) {
        if (op === '<') return left < right;
        if (op === '<=') return left <= right;
        if (op === '>') return left > right;
        return left >= right;
      }
      throw typeError(
        `"${op}" compares two numbers or two strings, got ${kindOf(left)} and ${kindOf(right)}`,
        pos,
      );
    default:
      if (typeof left !== 'number' || typeof right !== 'number')
        throw typeError(`"${op}" needs two numbers, got ${kindOf(left)} and ${kindOf(right)}`, pos);
      if (op === '-') return number(left - right, '"-"', pos);
      if (op === '*') return number(left * right, '"*"', pos);
      if ((op === '/' || op === '%') && right === 0) throw typeError('division by zero', pos);
      if (op === '/') return number(left / right, '"/"', pos);
      return number(left % right, '"%"', pos);
  }
}

type Call = Extract<Expr, { type: 'call' }>;

function call(expr: Call, scope: Record<string, Json>): Json {
  const [first, second] = expr.args as [Expr, Expr];
  if (expr.name === 'default') {
    // The only place an unresolved reference is not an error: that is what default() is for.
    try {
      const value = evaluate(first, scope);
      if (value !== null) return value;
    } catch (error) {
      if (!(error instanceof ExpressionError && error.code === 'unresolved')) throw error;
    }
    return evaluate(second, scope);
  }
  return builtins[expr.name](
    expr.args.map((arg) => evaluate(arg, scope)),
    expr.pos,
  );
}

/**
 * Evaluates a parsed expression against `scope` (for the interpreter:
 * `input`, `steps`, and in places `item`, `index`, `result`).
 *
 * @throws ExpressionError `unresolved` naming a reference that is not in
 * scope, `type` when an operator or function gets the wrong kind of value,
 * `limit` when `range()` would exceed `DefinitionLimits.maxFanOutItems`.
 */
export function evaluate(expr: Expr, scope: Record<string, Json>): Json {
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'list':
      return expr.items.map((item) => evaluate(item, scope));
    case 'name': {
      const value = Object.hasOwn(scope, expr.name) ? scope[expr.name] : undefined;
      if (value === undefined) {
        const names = Object.keys(scope).join(', ');
        throw unresolved(
          expr.text,
          `nothing named "${expr.name}" here (in scope: ${names})`,
          expr.pos,
        );
      }
      return value;
    }
    case 'member':
      return member(expr, scope);
    case 'unary': {
      const operand = evaluate(expr.operand, scope);
      if (expr.op === '!') return !isTruthy(operand);
      if (typeof operand !== 'number')
        throw typeError(`"-" needs a number, got ${kindOf(operand)}`, expr.pos);
      return -operand;
    }
    case 'binary':
      return binary(expr, scope);
    case 'conditional':
      return isTruthy(evaluate(expr.test, scope))
        ? evaluate(expr.then, scope)
        : evaluate(expr.otherwise, scope);
    case 'call':
      return call(expr, scope);
  }
}

/** The path an expression names statically (`a.b[0]["c"]` → `['a','b','0','c']`), if it is one. */
function staticPath(expr: Expr): string[] | undefined {
  if (expr.type === 'name') return [expr.name];
  if (expr.type !== 'member' || expr.key.type !== 'literal') return undefined;
  const { value } = expr.key;
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const base = staticPath(expr.object);
  return base && [...base, String(value)];
}

/**
 * Every path the expression reads, each once, in order of appearance:
 * `steps.a.output[index].n + input.x` gives
 * `[['steps','a','output'], ['index'], ['input','x']]`. A computed index ends
 * a path; the references inside it are listed on their own.
 */
export function references(expr: Expr): string[][] {
  const found = new Map<string, string[]>();
  const visit = (node: Expr): void => {
    const path = staticPath(node);
    if (path) {
      found.set(path.join('\u0000'), path);
      return;
    }
    switch (node.type) {
      case 'member':
        visit(node.object);
        visit(node.key);
        return;
      case 'list':
        node.items.forEach(visit);
        return;
      case 'call':
        node.args.forEach(visit);
        return;
      case 'unary':
        visit(node.operand);
        return;
      case 'binary':
        visit(node.left);
        visit(node.right);
        return;
      case 'conditional':
        visit(node.test);
        visit(node.then);
        visit(node.otherwise);
        return;
    }
  };
  visit(expr);
  return [...found.values()];
}

const cacheSize = 1000;
const cache = new Map<string, Expr>();

/**
 * {@link parseExpression} with a cache: the interpreter evaluates the same
 * texts again and again (every fan-out item, every replay). Parsed trees are
 * never mutated, so sharing them is safe.
 *
 * @throws ExpressionError like {@link parseExpression}; failures are not cached.
 */
export function compile(text: string): Expr {
  const hit = cache.get(text);
  if (hit) return hit;
  const expr = parseExpression(text);
  // First in, first out: cheap, and a miss only costs a parse.
  if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
  cache.set(text, expr);
  return expr;
}
