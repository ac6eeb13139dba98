import { z } from 'zod';
import type { Definition } from '../workflows/definition.ts';
import type { Json } from './json.ts';

const json: z.ZodType<Json> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number(),
    z.string(),
    z.array(json),
    z.record(z.string(), json),
  ]),
);
const identifier = z
  .string()
  .regex(
    /^[a-z][a-z0-9_-]{0,62}$/,
    'lowercase letters, digits, "-" and "_", starting with a letter',
  );
const jobTypeName = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/, 'dotted lowercase name, e.g. text.stats');
const positiveMs = z.number().int().positive();

export const jobStepSchema = z
  .object({
    id: identifier,
    job: jobTypeName,
    params: z.record(z.string(), json).optional(),
    timeouts: z
      .object({
        queueMs: positiveMs.optional(),
        runMs: positiveMs.optional(),
        progressMs: positiveMs.optional(),
      })
      .strict()
      .optional(),
    retry: z
      .object({
        maximumAttempts: z.number().int().min(0).optional(),
        initialIntervalMs: positiveMs.optional(),
        backoffCoefficient: z.number().min(1).optional(),
        maximumIntervalMs: positiveMs.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const definitionSchema = z
  .object({
    name: identifier,
    version: z.number().int().positive(),
    description: z.string().optional(),
    steps: z.array(jobStepSchema).min(1),
    output: json.optional(),
  })
  .strict()
  .superRefine((definition, ctx) => {
    const seen = new Set<string>();
    definition.steps.forEach((step, index) => {
      if (seen.has(step.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', index, 'id'],
          message: `duplicate step id "${step.id}"`,
        });
      }
      seen.add(step.id);
    });
  }) satisfies z.ZodType<Definition>;

export const jobTypeNameSchema = jobTypeName;
export const identifierSchema = identifier;
