import type { Sql } from 'postgres';
import { maxDefinitionVersion } from '../common/definition-schema.ts';
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
import { DefinitionLimits, type Definition } from '../workflows/definition.ts';
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
    if (version === undefined) return [{ name }];
    // Not a version the database can hold (1.5, 2^31): validation reports it; a lookup would fail.
    const storable =
      typeof version === 'number' &&
      Number.isInteger(version) &&
      version > 0 &&
      version <= maxDefinitionVersion;
    return storable ? [{ name, version }] : [];
  });
}

/**
 * Validates a definition against this manager's job types and saved
 * definitions (child workflows), without saving it.
 */
export async function checkDefinition(sql: Sql, raw: unknown): Promise<ValidationResult> {
  const jobTypes = new Set((await listJobTypes(sql)).map((jobType) => jobType.name));
  // The whole tree, not only the direct children: the depth and recursion checks walk every level.
  // One level past the limit is enough to tell a tree is too deep; `children` ends cycles.
  const children = new Map<string, Definition>();
  let level = childReferences(raw);
  for (let depth = 0; depth <= DefinitionLimits.maxChildDepth && level.length > 0; depth++) {
    const next: { name: string; version?: number }[] = [];
    for (const { name, version } of level) {
      const key = childKey(name, version);
      if (children.has(key)) continue;
      const child = await getDefinition(sql, name, version);
      if (!child) continue;
      children.set(key, child);
      next.push(...childReferences(child));
    }
    level = next;
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
