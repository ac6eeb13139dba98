import { z } from 'zod';
import { priorityBands } from './broker.ts';
import { partyId } from './config.ts';
import { DefinitionLimits, type Definition, type Step } from '../workflows/definition.ts';
import type { Json } from './json.ts';

/** Any JSON value. */
export const jsonSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number(),
    z.string(),
    z.array(jsonSchema),
    z.record(z.string(), jsonSchema),
  ]),
);

/** Step ids and workflow names (the API's schemas build on the pattern with their own zod). */
export const identifierPattern = /^[a-z][a-z0-9_-]{0,62}$/;
export const identifierRule =
  'lowercase letters, digits, "-" and "_", starting with a letter, at most 63 characters';
export const identifierSchema = z.string().regex(identifierPattern, identifierRule);

/** Job type names: dotted lowercase, e.g. `text.stats`. */
export const jobTypeNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/, 'dotted lowercase name, e.g. text.stats');

const positiveMs = z.number().int().positive();

/** Largest definition version: versions are PostgreSQL `integer`s, and a larger one could not be saved or looked up. */
export const maxDefinitionVersion = 2_147_483_647;
const versionSchema = z.number().int().positive().max(maxDefinitionVersion);
const expression = z.string().min(1, 'an expression, e.g. input.count > 0');

/** Per-phase job timeouts (`JobTimeouts`), in milliseconds. */
export const timeoutsSchema = z
  .object({
    queueMs: positiveMs.optional(),
    runMs: positiveMs.optional(),
    progressMs: positiveMs.optional(),
  })
  .strict();

/** Retry policy of a job step (`RetryPolicy`). */
export const retryPolicySchema = z
  .object({
    maximumAttempts: z.number().int().min(0).optional(),
    initialIntervalMs: positiveMs.optional(),
    backoffCoefficient: z.number().min(1).optional(),
    maximumIntervalMs: positiveMs.optional(),
  })
  .strict();

/** Where a job may run (`JobStep.placement`). */
export const placementSchema = z
  .object({
    agent: partyId.optional().describe('Only this agent may run the job'),
    labels: z
      .record(
        z
          .string()
          .regex(
            /^[a-z0-9][a-z0-9_.-]{0,62}$/,
            'a label key: lowercase letters, digits, "_", ".", "-"',
          ),
        z.string().min(1).max(200),
      )
      .optional()
      .describe('Only an agent advertising every one of these labels may run the job'),
  })
  .strict()
  .refine((placement) => placement.agent !== undefined || placement.labels !== undefined, {
    message: 'name an agent, labels, or both',
  })
  .describe('Pins the job to a trusted agent whose ad matches; fails at once when none does');

const stepBase = {
  id: identifierSchema.describe('Unique in the definition; steps.<id>.output refers to its output'),
  after: z
    .array(identifierSchema)
    .optional()
    .describe('Steps that must have succeeded or been skipped first'),
  when: expression.optional().describe('Expression; when false the step is skipped'),
  forEach: expression
    .optional()
    .describe('Expression giving a list; the step runs once per item (item, index in scope)'),
  concurrency: z
    .number()
    .int()
    .min(1)
    .max(DefinitionLimits.maxConcurrency)
    .optional()
    .describe('How many items of a forEach run at once (default 10)'),
  output: jsonSchema.optional().describe('Output mapping, templated, with result in scope'),
  onFailure: z
    .enum(['fail', 'pause'])
    .optional()
    .describe('fail (default) ends the run; pause waits for an operator to retry, skip or fail'),
};

/** A step that runs one job. */
export const jobStepSchema = z
  .object({
    ...stepBase,
    job: jobTypeNameSchema.describe('Job type name, e.g. text.stats'),
    params: z
      .record(z.string(), jsonSchema)
      .optional()
      .describe('Job parameters; strings may hold {{ expression }} templates'),
    timeouts: timeoutsSchema.optional(),
    retry: retryPolicySchema.optional(),
    priority: z
      .enum(priorityBands)
      .optional()
      .describe("Band within the site's share of an agent: high, normal (default) or low"),
    placement: placementSchema.optional(),
  })
  .strict();

/** A step that waits for a named signal. */
export const waitStepSchema = z
  .object({
    ...stepBase,
    wait: z
      .object({
        signal: z.string().min(1),
        timeoutMs: positiveMs,
        onTimeout: z.enum(['fail', 'continue']).optional(),
      })
      .strict(),
  })
  .strict();

/** A step that sleeps (a durable timer). */
export const sleepStepSchema = z
  .object({ ...stepBase, sleep: z.object({ durationMs: positiveMs }).strict() })
  .strict();

/** A step that runs another definition as a child workflow. */
export const workflowStepSchema = z
  .object({
    ...stepBase,
    workflow: z
      .object({
        name: identifierSchema,
        version: versionSchema.optional(),
        input: jsonSchema.optional(),
      })
      .strict(),
  })
  .strict();

/** The key that makes a step of each kind, in the order of {@link stepSchema}'s options. */
export const stepKinds = ['job', 'wait', 'sleep', 'workflow'] as const;

/**
 * One step: exactly one of `job`, `wait`, `sleep`, `workflow` (each option is
 * strict, so a step with two of them matches none).
 */
export const stepSchema = z.union([
  jobStepSchema,
  waitStepSchema,
  sleepStepSchema,
  workflowStepSchema,
]) satisfies z.ZodType<Step>;

/**
 * The structure of a workflow definition (workflows/definition.ts). The rules
 * that span steps (ids, `after`, references, job types, children) are checked
 * by `validateDefinition` (common/definition-validate.ts).
 */
export const definitionSchema = z
  .object({
    name: identifierSchema,
    version: versionSchema,
    description: z.string().optional(),
    steps: z
      .array(stepSchema)
      .min(1, 'a definition needs at least one step')
      .max(DefinitionLimits.maxSteps, `at most ${DefinitionLimits.maxSteps} steps`),
    output: jsonSchema.optional(),
  })
  .strict() satisfies z.ZodType<Definition>;

/** The definition language as JSON Schema (draft 2020-12), for editors and `/v1/schemas/definition.json`. */
export const definitionJsonSchema = z.toJSONSchema(definitionSchema);
