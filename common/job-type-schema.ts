import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { z } from 'zod';
import type { JobTypeRow } from '../db/job-types.ts';
import {
  jobTypeNameSchema,
  jsonSchema,
  retryPolicySchema,
  timeoutsSchema,
} from './definition-schema.ts';
import { formatPath, zodIssues, zodMessages, type DefinitionIssue } from './definition-validate.ts';
import type { Json, JsonObject } from './json.ts';

/** A job type document, as an admin saves it (`description` and `timeouts` may be left out). */
export const jobTypeSchema = z
  .object({
    name: jobTypeNameSchema,
    description: z.string().default(''),
    paramsSchema: z.record(z.string(), jsonSchema).optional(),
    outputSchema: z.record(z.string(), jsonSchema).optional(),
    timeouts: timeoutsSchema.default({}),
    retry: retryPolicySchema.optional(),
  })
  .strict() satisfies z.ZodType<JobTypeRow>;

function newAjv(): Ajv2020 {
  // A fresh instance per schema: schemas with the same `$id` never collide,
  // and nothing is shared between job types. Unknown keywords are errors (a
  // typo such as "requird" would otherwise check nothing); type hints are not.
  const ajv = new Ajv2020({ allErrors: true, strictTypes: false, strictTuples: false });
  addFormats.default(ajv);
  return ajv;
}

/** `/properties/a~1b/0` → `['properties', 'a/b', 0]`. */
function pointer(path: string): (string | number)[] {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Where `keyword` first appears as a key in `schema`, for a strict-mode error that names no path. */
function findKeyword(value: Json, keyword: string): (string | number)[] | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (!Array.isArray(value) && Object.hasOwn(value, keyword)) return [keyword];
  for (const [key, item] of Object.entries(value)) {
    const below = findKeyword(item, keyword);
    if (below) return [Array.isArray(value) ? Number(key) : key, ...below];
  }
  return undefined;
}

function schemaProblems(field: string, schema: JsonObject): DefinitionIssue[] {
  const ajv = newAjv();
  if (!ajv.validateSchema(schema)) {
    // The meta-schema reports one problem several ways (enum, anyOf, ...): keep the first per place.
    const seen = new Set<string>();
    return (ajv.errors ?? []).flatMap((error) => {
      const path = formatPath([field, ...pointer(error.instancePath)]);
      if (seen.has(path)) return [];
      seen.add(path);
      return [{ path, message: describe(error) }];
    });
  }
  try {
    ajv.compile(schema);
    return [];
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /unknown keyword: "([^"]+)"/.exec(message)?.[1];
    const at = unknown === undefined ? undefined : findKeyword(schema, unknown);
    return [
      {
        path: formatPath([field, ...(at ?? [])]),
        message: `not a usable JSON Schema (draft 2020-12): ${message}`,
      },
    ];
  }
}

/**
 * Validates a job type document before it is saved: its structure, and that
 * `paramsSchema` and `outputSchema` are valid JSON Schemas (draft 2020-12,
 * unknown keywords refused).
 *
 * @returns the job type with defaults applied, or every problem with its path
 * (e.g. `paramsSchema.properties.text.type`).
 */
export function validateJobType(
  raw: unknown,
): { ok: true; jobType: JobTypeRow } | { ok: false; errors: DefinitionIssue[] } {
  const parsed = jobTypeSchema.safeParse(raw, zodMessages);
  if (!parsed.success) return { ok: false, errors: zodIssues(parsed.error.issues) };
  const jobType = parsed.data;
  const errors = [
    ...(jobType.paramsSchema ? schemaProblems('paramsSchema', jobType.paramsSchema) : []),
    ...(jobType.outputSchema ? schemaProblems('outputSchema', jobType.outputSchema) : []),
  ];
  return errors.length > 0 ? { ok: false, errors } : { ok: true, jobType };
}

function describe(error: ErrorObject): string {
  const { allowedValues } = error.params as { allowedValues?: unknown[] };
  const allowed = allowedValues
    ? `: ${allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
    : '';
  return `${error.message ?? 'is invalid'}${allowed}`;
}

/** `params.text must be string`, `params.text is required`, `params.extra is not allowed`. */
function paramsProblem(error: ErrorObject): string {
  const at = pointer(error.instancePath);
  const { missingProperty, additionalProperty } = error.params as Record<string, string>;
  if (error.keyword === 'required' && missingProperty !== undefined)
    return `${formatPath(['params', ...at, missingProperty])} is required`;
  if (error.keyword === 'additionalProperties' && additionalProperty !== undefined)
    return `${formatPath(['params', ...at, additionalProperty])} is not allowed`;
  return `${formatPath(['params', ...at])} ${describe(error)}`;
}

/** Compiled params validators by job type name, with the schema text they were compiled from. */
const validators = new Map<string, { schema: string; validate: ValidateFunction }>();

/**
 * Checks a job's rendered params against its job type's `paramsSchema`
 * (always ok when there is none). Compiled validators are cached per job type
 * and recompiled when its schema changes.
 *
 * @returns every problem in one message, e.g. `params.text must be string;
 * params.count is required`.
 */
export function checkParams(
  jobType: JobTypeRow,
  params: JsonObject,
): { ok: true } | { ok: false; message: string } {
  if (!jobType.paramsSchema) return { ok: true };
  const schema = JSON.stringify(jobType.paramsSchema);
  let cached = validators.get(jobType.name);
  if (cached?.schema !== schema) {
    try {
      cached = { schema, validate: newAjv().compile(jobType.paramsSchema) };
    } catch (error) {
      const reason = (error as Error).message;
      return {
        ok: false,
        message: `job type "${jobType.name}" has an unusable paramsSchema: ${reason}`,
      };
    }
    validators.set(jobType.name, cached);
  }
  if (cached.validate(params)) return { ok: true };
  return { ok: false, message: (cached.validate.errors ?? []).map(paramsProblem).join('; ') };
}
