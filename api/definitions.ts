import type { Sql } from 'postgres';
import {
  validateDefinition,
  type DefinitionIssue,
  type ValidationResult,
} from '../common/definition-validate.ts';
import { CaroniError } from '../common/errors.ts';
import { isJsonObject } from '../common/json.ts';
import { validateJobType } from '../common/job-type-schema.ts';
import { getDefinition, saveDefinition } from '../db/definitions.ts';
import { listJobTypes, saveJobType, type JobTypeRow } from '../db/job-types.ts';
import type { Definition } from '../workflows/definition.ts';
import { childKey } from '../workflows/steps.ts';
import { ConflictError } from '../common/errors.ts';

/** A definition or job type that cannot be saved; `issues` says where and why. */
export class InvalidDocumentError extends CaroniError {
  override readonly name = 'InvalidDocumentError';
  constructor(
    code: string,
    message: string,
    readonly issues: DefinitionIssue[],
  ) {
    super(
      code,
      `${message}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
    );
  }
}

/** `{ name, version? }` of every child workflow step, read from a definition not yet validated. */
function childReferences(raw: unknown): { name: string; version?: number }[] {
  if (!isJsonObject(raw) || !Array.isArray(raw.steps)) return [];
  return raw.steps.flatMap((step) => {
    if (!isJsonObject(step) || !isJsonObject(step.workflow)) return [];
    const { name, version } = step.workflow;
    if (typeof name !== 'string') return [];
    return [typeof version === 'number' ? { name, version } : { name }];
  });
}

/**
 * Validates a definition against this manager's job types and saved
 * definitions (child workflows), without saving it.
 */
export async function checkDefinition(sql: Sql, raw: unknown): Promise<ValidationResult> {
  const jobTypes = new Set((await listJobTypes(sql)).map((jobType) => jobType.name));
  const children = new Map<string, Definition>();
  for (const { name, version } of childReferences(raw)) {
    const child = await getDefinition(sql, name, version);
    if (child) children.set(childKey(name, version), child);
  }
  return validateDefinition(raw, {
    jobTypes,
    childDefinition: (name, version) => children.get(childKey(name, version)),
  });
}

/**
 * Validates and saves a definition version.
 *
 * @throws InvalidDocumentError listing every problem with its path.
 * @throws ConflictError when that version is already saved with other content.
 */
export async function applyDefinition(sql: Sql, raw: unknown): Promise<Definition> {
  const result = await checkDefinition(sql, raw);
  if (!result.ok) {
    throw new InvalidDocumentError(
      'invalid_definition',
      'the definition is invalid',
      result.errors,
    );
  }
  const { definition } = result;
  if (!(await saveDefinition(sql, definition))) {
    throw new ConflictError(
      'definition_version_exists',
      `workflow "${definition.name}" version ${definition.version} is already saved with other content; versions are immutable, save it as version ${definition.version + 1}`,
    );
  }
  return definition;
}

/**
 * Validates and saves (creates or replaces) a job type.
 *
 * @throws InvalidDocumentError listing every problem with its path.
 */
export async function applyJobType(sql: Sql, raw: unknown): Promise<JobTypeRow> {
  const result = validateJobType(raw);
  if (!result.ok) {
    throw new InvalidDocumentError('invalid_job_type', 'the job type is invalid', result.errors);
  }
  await saveJobType(sql, result.jobType);
  return result.jobType;
}
