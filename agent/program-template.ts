import { CaroniError } from '../common/errors.ts';
import { isJsonObject, type Json, type JsonObject } from '../common/json.ts';
import { NonRetryableJobError } from './handler.ts';

/** A program handler's configuration cannot work; the message says what to fix. */
export class ProgramSpecError extends CaroniError {
  override readonly name = 'ProgramSpecError';
  constructor(message: string) {
    super('program_spec_invalid', message);
  }
}

/** A compiled template: renders a job's parameters into one string. */
export type Template = (params: JsonObject) => string;

const PLACEHOLDER = /\{\{(.*?)\}\}/gs;
const REFERENCE = /^\s*params((?:\.[A-Za-z0-9_-]+)+)\s*$/;

/**
 * Compiles a template whose only placeholders are parameter references,
 * `{{ params.name }}` or `{{ params.a.b.0 }}` (object keys, array indexes).
 * A string value is inserted as it is, any other value as its JSON text
 * (`3`, `true`, `{"a":1}`). The result is one string, whatever the value holds:
 * nothing is split on spaces, expanded or rendered again, so a parameter can
 * never become a second program argument or a placeholder.
 *
 * @param where names the template in error messages (`argv[2]`, `stdin`).
 * @throws ProgramSpecError when a placeholder is anything but a parameter reference.
 */
export function compileTemplate(text: string, where: string): Template {
  const parts: (string | string[])[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const reference = REFERENCE.exec(match[1] ?? '');
    if (!reference?.[1]) {
      throw new ProgramSpecError(
        `${where}: ${match[0]} is not a parameter reference; write {{ params.name }}`,
      );
    }
    parts.push(text.slice(last, match.index), reference[1].slice(1).split('.'));
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return (params) =>
    parts.map((part) => (typeof part === 'string' ? part : render(params, part, where))).join('');
}

/** Whether `text` holds a placeholder (argv[0] must not: parameters never choose the executable). */
export function hasPlaceholder(text: string): boolean {
  return /\{\{/.test(text);
}

/** @throws NonRetryableJobError `invalid_parameters` when the value is missing or null. */
function render(params: JsonObject, path: string[], where: string): string {
  const value = lookup(params, path);
  if (value === undefined || value === null) {
    throw new NonRetryableJobError(
      `${where} needs parameter params.${path.join('.')}, which is ${value === null ? 'null' : 'missing'}`,
      { type: 'invalid_parameters' },
    );
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function lookup(params: JsonObject, path: string[]): Json | undefined {
  let current: Json | undefined = params;
  for (const key of path) {
    if (Array.isArray(current)) current = /^\d+$/.test(key) ? current[Number(key)] : undefined;
    // Own keys only: `params.constructor` must not reach the prototype.
    else if (isJsonObject(current))
      current = Object.hasOwn(current, key) ? current[key] : undefined;
    else return undefined;
  }
  return current;
}
