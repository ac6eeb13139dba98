import type { Json, JsonObject } from '../common/json.ts';
import {
  asText,
  compile,
  evaluate,
  ExpressionError,
  type ExpressionErrorCode,
} from './expression.ts';

/**
 * What templates can refer to. The interpreter passes `input`, `steps`
 * (`{ <id>: { output, status } }` of finished steps) and, where they apply,
 * `item`, `index` and `result`.
 */
export type TemplateScope = Record<string, Json>;

/** A template that cannot be rendered; `reference` is the unresolved reference, or the expression. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    message: string,
    readonly reference: string,
    readonly code: ExpressionErrorCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A piece of a string: literal text, or the expression between `{{` and `}}`. */
type Part = string | { expression: string };

/**
 * Splits a string into text and `{{ expression }}` parts. The closing `}}` is
 * looked for outside string literals, so `{{ join(x, "}}") }}` works.
 */
function split(text: string): Part[] {
  const parts: Part[] = [];
  let from = 0;
  for (let open = text.indexOf('{{'); open !== -1; open = text.indexOf('{{', from)) {
    if (open > from) parts.push(text.slice(from, open));
    let quote = '';
    let i = open + 2;
    for (; i < text.length; i++) {
      const char = text[i];
      if (quote) {
        if (char === '\\') i++;
        else if (char === quote) quote = '';
      } else if (char === '"' || char === "'") {
        quote = char;
      } else if (text.startsWith('}}', i)) {
        break;
      }
    }
    const expression = text.slice(open + 2, i).trim();
    if (i >= text.length)
      throw new TemplateError(`"{{" at position ${open} has no closing "}}"`, expression, 'syntax');
    parts.push({ expression });
    from = i + 2;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}

function run(expression: string, scope: TemplateScope): Json {
  try {
    return evaluate(compile(expression), scope);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    throw new TemplateError(
      `{{ ${expression} }}: ${error.message}`,
      error.reference ?? expression,
      error.code,
      { cause: error },
    );
  }
}

function renderString(text: string, scope: TemplateScope): Json {
  const parts = split(text);
  const [only] = parts;
  if (parts.length === 1 && typeof only === 'object') return run(only.expression, scope);
  if (parts.every((part) => typeof part === 'string')) return text;
  return parts
    .map((part) => (typeof part === 'string' ? part : asText(run(part.expression, scope))))
    .join('');
}

/**
 * Renders templates in `value`: a string that is exactly one
 * `{{ expression }}` becomes the expression's value itself (any JSON type);
 * templates inside longer strings are interpolated as text (objects and lists
 * as JSON). Arrays and objects are rendered item by item; other values are
 * returned as they are.
 *
 * @throws TemplateError when a template does not parse, a reference does not
 * resolve, or an expression fails (its `code` says which).
 */
export function render(value: Json, scope: TemplateScope): Json {
  if (typeof value === 'string') return renderString(value, scope);
  if (Array.isArray(value)) return value.map((item) => render(item, scope));
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) out[key] = render(item, scope);
    return out;
  }
  return value;
}

/**
 * Every expression text in the templates of `value` (strings at any depth),
 * in order, trimmed; for validating a definition without running it.
 *
 * @throws TemplateError when a `{{` is not closed.
 */
export function templateExpressions(value: Json): string[] {
  if (typeof value === 'string') {
    return split(value).flatMap((part) => (typeof part === 'string' ? [] : [part.expression]));
  }
  if (Array.isArray(value)) return value.flatMap(templateExpressions);
  if (value !== null && typeof value === 'object')
    return Object.values(value).flatMap(templateExpressions);
  return [];
}

/**
 * The expression of a `when` or `forEach`, which may be written bare
 * (`input.n > 1`) or as one whole template (`{{ input.n > 1 }}`).
 */
export function unwrapExpression(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{{')) return text;
  try {
    const parts = split(trimmed);
    const [only] = parts;
    return parts.length === 1 && typeof only === 'object' ? only.expression : text;
  } catch {
    // Not a well-formed template: parsing it as an expression reports the problem.
    return text;
  }
}
