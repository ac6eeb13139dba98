import type { z } from 'zod';
import {
  DefinitionLimits,
  isWorkflowStep,
  type Definition,
  type Step,
} from '../workflows/definition.ts';
import { definitionSchema, stepKinds } from './definition-schema.ts';
import { checkExpressions } from './definition-expressions.ts';
import { isJsonObject, MAX_JSON_DEPTH, nestsDeeperThan } from './json.ts';

/** One problem with a definition: `path` is where (`steps[2].params.text`; `""` is the whole definition). */
export interface DefinitionIssue {
  path: string;
  message: string;
}

/** What validation needs to know beyond the definition itself. */
export interface ValidationContext {
  /** Job types this manager knows. */
  jobTypes: ReadonlySet<string>;
  /** A saved definition (the latest version when `version` is not given), or undefined. */
  childDefinition: (name: string, version?: number) => Definition | undefined;
}

/** The typed definition, or every problem found. */
export type ValidationResult =
  { ok: true; definition: Definition } | { ok: false; errors: DefinitionIssue[] };

/** `['steps', 2, 'params', 'a b']` → `steps[2].params["a b"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => {
      if (typeof part === 'number') return `[${part}]`;
      const key = String(part);
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return i === 0 ? key : `.${key}`;
      return `[${JSON.stringify(key)}]`;
    })
    .join('');
}

/**
 * zod issues as definition issues: unknown fields named one by one, every
 * other issue with zod's message (see {@link zodMessages} for missing fields).
 */
export function zodIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: PropertyKey[] = [],
): DefinitionIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code !== 'unrecognized_keys')
      return [{ path: formatPath(path), message: issue.message }];
    return issue.keys.map((key) => ({
      path: formatPath([...path, key]),
      message: `unknown field "${key}"`,
    }));
  });
}

/** Per-parse zod messages: a missing field says so instead of "received undefined". */
export const zodMessages = {
  error: (issue: z.core.$ZodRawIssue) =>
    issue.code === 'invalid_type' && issue.input === undefined
      ? `required (${issue.expected})`
      : undefined,
};

function schemaIssues(issues: readonly z.core.$ZodIssue[], raw: unknown): DefinitionIssue[] {
  return issues.flatMap((issue) => {
    const { path } = issue;
    if (issue.code !== 'invalid_union' || path.length !== 2 || path[0] !== 'steps')
      return zodIssues([issue]);
    // Each step kind is its own strict object: report against the kind the step is.
    const steps = isJsonObject(raw) && Array.isArray(raw.steps) ? raw.steps : [];
    const step: unknown = steps[path[1] as number];
    if (!isJsonObject(step)) return [{ path: formatPath(path), message: 'a step is an object' }];
    const kinds = stepKinds.filter((kind) => kind in step);
    const [kind] = kinds;
    if (kinds.length !== 1 || kind === undefined) {
      const found = kinds.length === 0 ? 'none' : kinds.join(' and ');
      return [
        {
          path: formatPath(path),
          message: `a step needs exactly one of job, wait, sleep, workflow; this one has ${found}`,
        },
      ];
    }
    return zodIssues(issue.errors[stepKinds.indexOf(kind)] ?? [], path);
  });
}

function checkStructure(steps: Step[], issues: DefinitionIssue[]): void {
  const first = new Map<string, number>();
  steps.forEach((step, i) => {
    const earlier = first.get(step.id);
    if (earlier !== undefined) {
      issues.push({
        path: `steps[${i}].id`,
        message: `duplicate step id "${step.id}" (also steps[${earlier}]); step ids must be unique`,
      });
    } else {
      first.set(step.id, i);
    }
    if (step.concurrency !== undefined && step.forEach === undefined) {
      issues.push({
        path: `steps[${i}].concurrency`,
        message: 'concurrency applies only to a step with forEach; remove it or add forEach',
      });
    }
  });
  steps.forEach((step, i) =>
    step.after?.forEach((dependency, j) => {
      if (!first.has(dependency)) {
        issues.push({
          path: `steps[${i}].after[${j}]`,
          message: `no step "${dependency}" in this definition (steps: ${[...first.keys()].join(', ')})`,
        });
      }
    }),
  );
}

function checkCycles(steps: Step[], issues: DefinitionIssue[]): void {
  const index = new Map(steps.map((step, i) => [step.id, i]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'visiting');
    stack.push(id);
    const i = index.get(id) as number;
    steps[i]?.after?.forEach((dependency, j) => {
      if (!index.has(dependency)) return;
      if (state.get(dependency) === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(dependency)), dependency].join(' → ');
        issues.push({
          path: `steps[${i}].after[${j}]`,
          message: `dependency cycle ${cycle}: each step runs after the next, so none can start; remove one of these after entries`,
        });
      } else if (!state.has(dependency)) {
        visit(dependency);
      }
    });
    stack.pop();
    state.set(id, 'done');
  };
  for (const step of steps) if (!state.has(step.id)) visit(step.id);
}

/** The steps each step runs after, directly or transitively (cycles are reported elsewhere). */
function ancestors(steps: Step[]): Map<string, Set<string>> {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const found = new Map<string, Set<string>>();
  const collect = (id: string): Set<string> => {
    const known = found.get(id);
    if (known) return known;
    const set = new Set<string>();
    found.set(id, set); // placed before recursing, so a cycle ends instead of looping
    for (const dependency of byId.get(id)?.after ?? []) {
      if (!byId.has(dependency)) continue;
      set.add(dependency);
      for (const further of collect(dependency)) set.add(further);
    }
    return set;
  };
  for (const step of steps) collect(step.id);
  return found;
}

function checkJobTypes(steps: Step[], known: ReadonlySet<string>, issues: DefinitionIssue[]): void {
  steps.forEach((step, i) => {
    if (!('job' in step) || known.has(step.job)) return;
    const list = known.size === 0 ? 'none is registered' : `known: ${[...known].sort().join(', ')}`;
    issues.push({
      path: `steps[${i}].job`,
      message: `unknown job type "${step.job}" (${list}); register it or fix the name`,
    });
  });
}

class ChildProblem extends Error {}

function childLabel(name: string, version?: number): string {
  return version === undefined ? `"${name}"` : `"${name}" version ${version}`;
}

function checkChildren(definition: Definition, ctx: ValidationContext, issues: DefinitionIssue[]) {
  const { maxChildDepth } = DefinitionLimits;
  // Levels of children below each saved definition: shared subtrees are walked once.
  const heights = new Map<string, number>();
  const height = (parent: Definition, chain: string[]): number => {
    const key = `${parent.name}@${parent.version}`;
    const known = heights.get(key);
    if (known !== undefined) return known;
    let levels = 0;
    for (const step of parent.steps.filter(isWorkflowStep)) {
      const { name, version } = step.workflow;
      if (chain.includes(name))
        throw new ChildProblem(`workflow "${name}" starts itself: ${[...chain, name].join(' → ')}`);
      const child = ctx.childDefinition(name, version);
      if (!child)
        throw new ChildProblem(
          `${chain.join(' → ')} → ${name}: no workflow ${childLabel(name, version)}`,
        );
      levels = Math.max(levels, 1 + height(child, [...chain, name]));
      if (chain.length - 1 + levels > maxChildDepth) {
        throw new ChildProblem(
          `child workflows nest deeper than ${maxChildDepth} levels (${chain.join(' → ')} → ${name} → …)`,
        );
      }
    }
    heights.set(key, levels);
    return levels;
  };
  definition.steps.forEach((step, i) => {
    if (!isWorkflowStep(step)) return;
    const { name, version } = step.workflow;
    if (name === definition.name) {
      issues.push({
        path: `steps[${i}].workflow.name`,
        message: `workflow "${name}" cannot start itself as a child (no recursion, in any version)`,
      });
      return;
    }
    const child = ctx.childDefinition(name, version);
    if (!child) {
      issues.push({
        path: `steps[${i}].workflow.name`,
        message: `no workflow ${childLabel(name, version)}; save it first or fix the name`,
      });
      return;
    }
    try {
      if (1 + height(child, [definition.name, name]) > maxChildDepth) {
        throw new ChildProblem(`child workflows nest deeper than ${maxChildDepth} levels`);
      }
    } catch (error) {
      if (!(error instanceof ChildProblem)) throw error;
      issues.push({ path: `steps[${i}].workflow`, message: error.message });
    }
  });
}

/**
 * Validates a workflow definition before it is saved: nesting, size, structure
 * (common/definition-schema.ts), unique step ids, `after` (known steps, no
 * cycles), job types, `concurrency`, child workflows (exist, no recursion, at
 * most `maxChildDepth` deep), and every expression and template (parses,
 * and each reference resolves statically where it is used).
 *
 * @returns the typed definition, or every problem found with its exact path.
 * Structural problems are reported alone, since the rest cannot be checked
 * without a sound structure.
 */
export function validateDefinition(raw: unknown, ctx: ValidationContext): ValidationResult {
  // First: measuring the size (JSON.stringify) and every check below recurse.
  if (nestsDeeperThan(raw, MAX_JSON_DEPTH)) {
    const message = `the definition nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep; the limit is ${MAX_JSON_DEPTH}: flatten it`;
    return { ok: false, errors: [{ path: '', message }] };
  }
  const bytes = new TextEncoder().encode(JSON.stringify(raw) ?? '').length;
  if (bytes > DefinitionLimits.maxBytes) {
    const message = `the definition is ${bytes} bytes of JSON; the limit is ${DefinitionLimits.maxBytes}: split it into child workflows`;
    return { ok: false, errors: [{ path: '', message }] };
  }
  const parsed = definitionSchema.safeParse(raw, zodMessages);
  if (!parsed.success) return { ok: false, errors: schemaIssues(parsed.error.issues, raw) };
  const definition = parsed.data;
  const issues: DefinitionIssue[] = [];
  checkStructure(definition.steps, issues);
  checkCycles(definition.steps, issues);
  checkJobTypes(definition.steps, ctx.jobTypes, issues);
  checkChildren(definition, ctx, issues);
  for (const { at, message } of checkExpressions(definition, ancestors(definition.steps)))
    issues.push({ path: formatPath(at), message });
  if (issues.length > 0) return { ok: false, errors: issues };
  return { ok: true, definition };
}
