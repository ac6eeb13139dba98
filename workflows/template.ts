import type { Json, JsonObject } from '../common/json.ts';

/** What templates can refer to: the run input and the outputs of finished steps. */
export interface TemplateScope {
  input: JsonObject;
  steps: Record<string, { output: Json }>;
}

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    message: string,
    readonly reference: string,
  ) {
    super(message);
  }
}

const WHOLE = /^\{\{\s*([^{}]+?)\s*\}\}$/;
const EMBEDDED = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** Splits `steps.a.output.items[0]` into `['steps','a','output','items','0']`. */
export function parseReference(reference: string): string[] {
  return reference
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((part) => part.trim());
}

function lookup(scope: TemplateScope, reference: string): Json {
  const parts = parseReference(reference);
  let value: Json | undefined = scope as unknown as JsonObject;
  for (const part of parts) {
    if (value !== null && typeof value === 'object' && part in value) {
      value = Array.isArray(value) ? value[Number(part)] : value[part];
    } else {
      value = undefined;
    }
    if (value === undefined) {
      throw new TemplateError(`template reference "${reference}" does not resolve`, reference);
    }
  }
  return value;
}

/**
 * Renders templates in `value`: a string that is exactly one `{{ ref }}` is
 * replaced by the referenced value itself (any JSON type); templates inside
 * longer strings are interpolated as text (objects as JSON).
 *
 * @throws TemplateError when a reference does not resolve.
 */
export function render(value: Json, scope: TemplateScope): Json {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole?.[1]) return lookup(scope, whole[1]);
    return value.replace(EMBEDDED, (_match, reference: string) => {
      const found = lookup(scope, reference);
      return typeof found === 'string' ? found : JSON.stringify(found);
    });
  }
  if (Array.isArray(value)) return value.map((item) => render(item, scope));
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) out[key] = render(item, scope);
    return out;
  }
  return value;
}
