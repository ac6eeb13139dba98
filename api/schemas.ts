import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'definition_not_found' }),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error');

const errorContent = { 'application/json': { schema: ErrorSchema } };

/** The error responses every authenticated route may give. */
export const errorResponses = {
  400: { description: 'The request is malformed; `issues` says where', content: errorContent },
  401: { description: 'No token, or a token this manager does not know', content: errorContent },
  403: { description: 'The token may not use this route', content: errorContent },
  404: { description: 'Not found', content: errorContent },
  409: { description: 'The request conflicts with the current state', content: errorContent },
  413: { description: 'The body is too large', content: errorContent },
};

/** A JSON response body with `schema`. */
export function json<T extends z.ZodType>(description: string, schema: T) {
  return { description, content: { 'application/json': { schema } } };
}

/** A required JSON request body with `schema`. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}

export const security = [{ bearer: [] }];

/** The `{id}` path parameter of a run. */
export const RunIdParam = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

/** Summed usage of a set of job runs (see `JobUsage` in the proto for each span). */
export const UsageSums = z.object({
  jobs: z.number().openapi({ description: 'Job runs (attempts that reached an outcome)' }),
  queueWaitMs: z.number().openapi({ description: 'Sum of request signed → handler start' }),
  wallMs: z.number().openapi({ description: 'Sum of handler start → outcome' }),
  slotMs: z.number().openapi({ description: 'Sum of slot taken → outcome' }),
  cpuMs: z.number().openapi({ description: 'Sum of CPU time (program handlers)' }),
  peakRssKb: z
    .number()
    .openapi({ description: 'Sum of peak resident set, KiB (program handlers)' }),
});

/** {@link UsageSums} of one job type. */
export const JobTypeUsage = UsageSums.extend({ jobType: z.string() }).openapi('JobTypeUsage');

/** A run in a listing; a full run (`Run`) adds steps, output and error. */
export const RunSummarySchema = z
  .object({
    id: z.string(),
    runId: z.string(),
    workflow: z.string().optional(),
    version: z.number().optional(),
    status: z.string().openapi({ example: 'COMPLETED' }),
    startedAt: z.string(),
    closedAt: z.string().optional(),
  })
  .openapi('RunSummary');

/** An agent's latest signed capability ad, as the manager stored it. */
export const AgentAdSchema = z
  .object({
    jobTypes: z.array(z.string()).openapi({ description: 'Job types it offers this site' }),
    labels: z.record(z.string(), z.string()),
    capacity: z.number().openapi({ description: 'Slots' }),
    load: z.number().openapi({ description: 'Jobs running on it, of every site' }),
    loadForSite: z.number().openapi({ description: "This site's jobs running on it" }),
    protocolVersions: z.array(z.number()),
    softwareVersion: z.string(),
    draining: z.boolean(),
    announceIntervalMs: z.number(),
    announcedAt: z.string().openapi({ description: "When the ad arrived (this manager's clock)" }),
  })
  .openapi('AgentAd');
