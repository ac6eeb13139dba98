import type { Json } from '../common/json.ts';
import { DefinitionLimits } from './definition.ts';

/** How deeply an expression may nest (parentheses, lists, calls, operators). */
export const maxExpressionDepth = 64;

/** Binary operators; `&&` and `||` short-circuit. */
export type BinaryOperator =
  '*' | '/' | '%' | '+' | '-' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&&' | '||' | 'in';

/** Functions an expression may call, with how many arguments each takes. */
export const functionArity = {
  len: 1,
  keys: 1,
  contains: 2,
  lower: 1,
  upper: 1,
  join: 2,
  split: 2,
  range: 1,
  not_null: 1,
  default: 2,
} as const;
/** A built-in function's name. */
export type FunctionName = keyof typeof functionArity;

/**
 * A parsed expression. `pos` is the character offset of the node in the
 * source; `name` and `member` nodes keep their source `text` so that an
 * unresolved reference can be named in the error.
 */
export type Expr =
  | { type: 'literal'; value: Json; pos: number }
  | { type: 'list'; items: Expr[]; pos: number }
  | { type: 'name'; name: string; text: string; pos: number }
  | { type: 'member'; object: Expr; key: Expr; text: string; pos: number }
  | { type: 'unary'; op: '!' | '-'; operand: Expr; pos: number }
  | { type: 'binary'; op: BinaryOperator; left: Expr; right: Expr; pos: number }
  | { type: 'conditional'; test: Expr; then: Expr; otherwise: Expr; pos: number }
  | { type: 'call'; name: FunctionName; args: Expr[]; pos: number };

/** Why an expression failed: bad syntax, a limit, a reference that does not resolve, or a wrong type. */
export type ExpressionErrorCode = 'syntax' | 'limit' | 'unresolved' | 'type';

/** An expression that cannot be parsed or evaluated. `position` is a character offset in its text. */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  constructor(
    readonly code: ExpressionErrorCode,
    message: string,
    readonly position: number,
    /** The reference that did not resolve, as written (code `unresolved`). */
    readonly reference?: string,
  ) {
    super(message);
  }
}

type Token =
  | { kind: 'number'; value: Json; pos: number }
  | { kind: 'string'; value: Json; pos: number }
  | { kind: 'name'; text: string; pos: number }
  | { kind: 'op'; text: string; pos: number }
  | { kind: 'end'; pos: number };

const OPERATORS = ['<=', '>=', '==', '!=', '&&', '||', ...'()[],.?:!-+*/%<>'];
const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  '/': '/',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

function syntax(message: string, pos: number): ExpressionError {
  return new ExpressionError('syntax', `${message} at position ${pos}`, pos);
}

function readString(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length && text[i] !== quote) {
    if (text[i] === '\\') {
      const escape = text[i + 1] ?? '';
      if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      const replacement = ESCAPES[escape];
      if (replacement === undefined) throw syntax(`unknown escape "\\${escape}" in string`, i);
      value += replacement;
      i += 2;
    } else {
      value += text[i];
      i++;
    }
  }
  if (i >= text.length) throw syntax('unterminated string', start);
  return { value, end: i + 1 };
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/.exec(rest);
    const number = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (space) {
      i += space[0].length;
    } else if (number) {
      const value = Number(number[0]);
      if (!Number.isFinite(value)) throw syntax(`number ${number[0]} is too large`, i);
      tokens.push({ kind: 'number', value, pos: i });
      i += number[0].length;
    } else if (name) {
      tokens.push({ kind: 'name', text: name[0], pos: i });
      i += name[0].length;
    } else if (rest[0] === '"' || rest[0] === "'") {
      const { value, end } = readString(text, i);
      tokens.push({ kind: 'string', value, pos: i });
      i = end;
    } else {
      const op = OPERATORS.find((candidate) => rest.startsWith(candidate));
      if (!op) {
        const hint = rest[0] === '=' ? ' (compare with "==")' : '';
        throw syntax(`unexpected character "${rest[0]}"${hint}`, i);
      }
      tokens.push({ kind: 'op', text: op, pos: i });
      i += op.length;
    }
  }
  tokens.push({ kind: 'end', pos: text.length });
  return tokens;
}

/** Binary operators by precedence level, loosest first. */
const LEVELS: BinaryOperator[][] = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<', '<=', '>', '>=', 'in'],
  ['+', '-'],
  ['*', '/', '%'],
];

class Parser {
  private index = 0;
  private depth = 0;
  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  parse(): Expr {
    const expr = this.ternary();
    const next = this.peek();
    if (next.kind !== 'end') throw syntax(`unexpected ${describe(next)}`, next.pos);
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private isOp(text: string): boolean {
    const token = this.peek();
    return (token.kind === 'op' || token.kind === 'name') && token.text === text;
  }

  private expect(text: string): void {
    const token = this.peek();
    if (!this.isOp(text))
      throw syntax(`expected "${text}" but found ${describe(token)}`, token.pos);
    this.index++;
  }

  /**
   * Counts a level of nesting (each sub-expression, each unary operator), so
   * deep nesting fails cleanly instead of overflowing the stack.
   */
  private nested<T>(pos: number, parse: () => T): T {
    if (++this.depth > maxExpressionDepth)
      throw new ExpressionError(
        'limit',
        `expression nests deeper than ${maxExpressionDepth} levels at position ${pos}`,
        pos,
      );
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private ternary(): Expr {
    return this.nested(this.peek().pos, () => {
      const test = this.binary(0);
      if (!this.isOp('?')) return test;
      this.index++;
      const then = this.ternary();
      this.expect(':');
      const otherwise = this.ternary();
      return { type: 'conditional', test, then, otherwise, pos: test.pos };
    });
  }

  private binary(level: number): Expr {
    const operators = LEVELS[level];
    if (!operators) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const op = operators.find((candidate) => this.isOp(candidate));
      if (!op) return left;
      const pos = this.peek().pos;
      this.index++;
      const right = this.binary(level + 1);
      left = { type: 'binary', op, left, right, pos };
    }
  }

  private unary(): Expr {
    const token = this.peek();
    if (this.isOp('!') || this.isOp('-')) {
      this.index++;
      const op = token.kind === 'op' && token.text === '!' ? '!' : '-';
      return this.nested(token.pos, () => ({
        type: 'unary',
        op,
        operand: this.unary(),
        pos: token.pos,
      }));
    }
    return this.postfix(this.primary(), token.pos);
  }

  /** Member accesses after a primary; `start` is where the primary's text begins (a "(" included). */
  private postfix(primary: Expr, start: number): Expr {
    let expr = primary;
    for (;;) {
      if (this.isOp('.')) {
        this.index++;
        const name = this.peek();
        if (name.kind !== 'name') throw syntax(`expected a name after "."`, name.pos);
        this.index++;
        const key: Expr = { type: 'literal', value: name.text, pos: name.pos };
        expr = this.member(expr, key, start, name.pos + name.text.length);
      } else if (this.isOp('[')) {
        this.index++;
        const key = this.ternary();
        const close = this.peek();
        this.expect(']');
        expr = this.member(expr, key, start, close.pos + 1);
      } else {
        return expr;
      }
    }
  }

  private member(object: Expr, key: Expr, start: number, end: number): Expr {
    return { type: 'member', object, key, text: this.text.slice(start, end), pos: start };
  }

  private primary(): Expr {
    const token = this.peek();
    this.index++;
    if (token.kind === 'number' || token.kind === 'string')
      return { type: 'literal', value: token.value, pos: token.pos };
    if (token.kind === 'op' && token.text === '(') {
      const inner = this.ternary();
      this.expect(')');
      return inner;
    }
    if (token.kind === 'op' && token.text === '[') {
      return { type: 'list', items: this.list(']'), pos: token.pos };
    }
    if (token.kind === 'name') {
      if (token.text === 'true' || token.text === 'false')
        return { type: 'literal', value: token.text === 'true', pos: token.pos };
      if (token.text === 'null') return { type: 'literal', value: null, pos: token.pos };
      if (token.text === 'in') throw syntax('unexpected "in"', token.pos);
      if (this.isOp('(')) return this.call(token.text, token.pos);
      return { type: 'name', name: token.text, text: token.text, pos: token.pos };
    }
    throw syntax(`unexpected ${describe(token)}`, token.pos);
  }

  private list(close: string): Expr[] {
    const items: Expr[] = [];
    while (!this.isOp(close)) {
      items.push(this.ternary());
      if (!this.isOp(close)) this.expect(',');
    }
    this.index++;
    return items;
  }

  private call(name: string, pos: number): Expr {
    if (!Object.hasOwn(functionArity, name)) {
      throw syntax(
        `unknown function "${name}" (functions: ${Object.keys(functionArity).join(', ')})`,
        pos,
      );
    }
    const known = name as FunctionName;
    this.index++;
    const args = this.list(')');
    const arity = functionArity[known];
    if (args.length !== arity) {
      throw syntax(
        `${known}() takes ${arity} argument${arity === 1 ? '' : 's'}, got ${args.length}`,
        pos,
      );
    }
    return { type: 'call', name: known, args, pos };
  }
}

function describe(token: Token): string {
  if (token.kind === 'end') return 'end of expression';
  if (token.kind === 'number' || token.kind === 'string') return JSON.stringify(token.value);
  return `"${token.text}"`;
}

/**
 * Parses an expression (the grammar is in docs/DEFINITIONS.md).
 *
 * @throws ExpressionError (`syntax` with the position, or `limit` when the
 * text is longer than `DefinitionLimits.maxExpressionLength` or nests deeper
 * than {@link maxExpressionDepth}).
 */
export function parseExpression(text: string): Expr {
  if (text.length > DefinitionLimits.maxExpressionLength) {
    throw new ExpressionError(
      'limit',
      `expression is ${text.length} characters long; the limit is ${DefinitionLimits.maxExpressionLength}`,
      DefinitionLimits.maxExpressionLength,
    );
  }
  if (text.trim() === '') throw syntax('empty expression', 0);
  return new Parser(text, tokenize(text)).parse();
}
